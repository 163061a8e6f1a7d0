#include "stats/freetext.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace dp::stats {

std::vector<FreeTextEntry> free_text(const Dataset& ds, const instrument::Instrument& in, const std::string& question) {
  // Questionnaire order is the order of the instrument's items (a matrix's rows as listed, an
  // «ange vad» field after its item, the comment last): sorting the keys as text would put row
  // r10 before r2 and a comment before «ange vad». Items the instrument does not know go last.
  std::unordered_map<std::string, size_t> order;
  for (const auto& item : instrument::items(in)) order.emplace(item.key, order.size());
  auto position = [&](const std::string& item) {
    auto it = order.find(item);
    return it == order.end() ? std::numeric_limits<size_t>::max() : it->second;
  };
  std::vector<FreeTextEntry> out;
  for (const auto& t : ds.texts) {
    if (!ds.responded.test(t.org)) continue;
    std::string qid = t.item.substr(0, t.item.find_first_of(".:"));
    if (!question.empty() && qid != question) continue;
    out.push_back({qid, t.item, ds.org_codes[t.org], ds.org_names[t.org], t.text});
  }
  std::stable_sort(out.begin(), out.end(), [&](const FreeTextEntry& a, const FreeTextEntry& b) {
    size_t pa = position(a.item), pb = position(b.item);
    if (pa != pb) return pa < pb;
    if (a.item != b.item) return a.item < b.item;
    return a.org_code < b.org_code;
  });
  return out;
}

}  // namespace dp::stats

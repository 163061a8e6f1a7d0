#include "stats/freetext.h"

#include <algorithm>
#include <map>

namespace dp::stats {

std::vector<FreeTextEntry> free_text(const Dataset& ds, const instrument::Instrument& in, const std::string& question) {
  std::map<std::string, size_t> order;
  for (const auto* q : in.questions()) order.emplace(q->id, order.size());
  std::vector<FreeTextEntry> out;
  for (const auto& t : ds.texts) {
    if (!ds.responded.test(t.org)) continue;
    std::string qid = t.item.substr(0, t.item.find_first_of(".:"));
    if (!question.empty() && qid != question) continue;
    out.push_back({qid, t.item, ds.org_codes[t.org], ds.org_names[t.org], t.text});
  }
  std::stable_sort(out.begin(), out.end(), [&](const FreeTextEntry& a, const FreeTextEntry& b) {
    size_t oa = order.count(a.question) ? order[a.question] : 0, ob = order.count(b.question) ? order[b.question] : 0;
    if (oa != ob) return oa < ob;
    if (a.item != b.item) return a.item < b.item;
    return a.org_code < b.org_code;
  });
  return out;
}

}  // namespace dp::stats

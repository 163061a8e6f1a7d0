#pragma once
// A small deterministic generator of varied, valid answers for tests. It respects Visibility: it
// answers only items that are shown given the answers so far, and drops answers that a later
// answer hides, until the response is stable.
#include <cmath>
#include <cstdint>
#include <iterator>
#include <set>
#include <string>

#include "instrument/answer_check.h"
#include "instrument/visibility.h"

namespace dp::testing {

class AnswerMaker {
 public:
  explicit AnswerMaker(uint64_t seed) : state_(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}

  // complete: every shown item gets an answer (a submittable response); otherwise about a third
  // of the items are left unanswered (a draft).
  instrument::Answers make(const instrument::Instrument& in, const instrument::OrgAttributes& org, bool complete) {
    using namespace instrument;
    Answers answers;
    decided_.clear();
    auto items = instrument::items(in);
    for (int round = 0; round < 20; ++round) {
      Visibility vis(in, answers, org);
      Answers next = vis.effective(answers);
      // Empty multi selections are answers; effective() keeps them.
      bool changed = next.size() != answers.size();
      for (const auto& it : items) {
        // Each item is decided once (answered now or left unanswered for good), except that a
        // complete response answers every shown mandatory item.
        if (next.count(it.key) || !vis.shown(it.key)) continue;
        bool optional = it.is_comment || it.specify || !it.question->mandatory;
        bool must = complete && !optional;
        if (!decided_.insert(it.key).second && !must) continue;
        if (!must && ((optional && !it.specify && pick(3) != 0) || (!complete && pick(3) == 0))) continue;
        next[it.key] = value_for(it);
        changed = true;
      }
      answers = std::move(next);
      if (!changed) break;
    }
    Visibility final_vis(in, answers, org);
    return final_vis.effective(answers);
  }

 private:
  uint64_t state_;
  std::set<std::string> decided_;

  uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 2685821657736338717ULL;
  }
  size_t pick(size_t n) { return n ? next() % n : 0; }

  std::string text() {
    static const char* texts[] = {"Åtgärder planeras under året",
                                  "Ja, delvis: \"pilot\" i två områden",
                                  "Rad ett\nrad två, med komma",
                                  "  inledande mellanslag",
                                  "Övrigt; se bilaga",
                                  "Kommunens e-tjänst (1177)",
                                  "x"};
    return texts[pick(std::size(texts))];
  }

  instrument::Value value_for(const instrument::Item& it) {
    using namespace instrument;
    switch (it.type) {
      case Type::YesNo:
      case Type::Single: return Value::code(it.options[pick(it.options.size())]->id);
      case Type::Multi: {
        if (pick(8) == 0) return Value::codes_of({});  // "none of these"
        std::vector<std::string> codes;
        for (const auto* o : it.options)
          if (o->exclusive ? pick(6) == 0 : pick(2) == 0) {
            if (o->exclusive) return Value::codes_of({o->id});
            codes.push_back(o->id);
          }
        return Value::codes_of(codes);
      }
      case Type::Number:
      case Type::Percent: {
        const Question& q = *it.question;
        double lo = q.min.value_or(0), hi = q.max.value_or(5e6);
        static const double specials[] = {0, 1, 12.5, 0.1, 1e17, 0.00001, 2500000, 33.333333333333336};
        double v = pick(3) == 0 ? specials[pick(std::size(specials))] : lo + (double)pick(1000) / 1000.0 * (hi - lo);
        if (q.integer) v = std::floor(v);
        if (v < lo) v = lo;
        if (v > hi) v = q.integer ? std::floor(hi) : hi;
        return Value::num(v);
      }
      case Type::Text:
      case Type::Matrix: return Value::text(text());
    }
    return Value{};
  }
};

}  // namespace dp::testing

#pragma once
// Compiles the conditions of key-figure cells (the instrument condition language, docs/instrument-
// format.md "Conditions") into OrgSets over a Dataset, with exactly the semantics of the
// instrument's evaluator: a comparison with an unanswered item is false, `==` on a multiple choice
// holds only when exactly that one option was chosen, `has` tests one option. Each item column is
// scanned once: the sets "answered", "exactly one option" and "has option k" are built in one pass
// and cached, so a condition costs a few word-wise AND/OR over the organisations.
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "instrument/condition.h"
#include "stats/dataset.h"
#include "stats/orgset.h"

namespace dp::stats {

class PredicateCompiler {
 public:
  explicit PredicateCompiler(const Dataset& ds) : ds_(ds) {}

  // The organisations for which the condition holds (an empty condition holds for all). Cached by
  // the condition's text.
  const OrgSet& eval(const instrument::Condition& c);
  OrgSet eval(const instrument::Expr& e);

  // Organisations that answered the item (an unknown item: none).
  const OrgSet& answered(const std::string& item);
  const OrgSet& all() const {
    if (!all_) all_ = std::make_unique<OrgSet>(ds_.size(), true);
    return *all_;
  }

 private:
  struct ItemSets {
    OrgSet answered;
    OrgSet single;            // exactly one option chosen (a scalar value in the evaluator's sense)
    std::vector<OrgSet> has;  // per option bit
  };
  const Dataset& ds_;
  std::unordered_map<std::string, std::unique_ptr<ItemSets>> items_;
  std::unordered_map<std::string, std::unique_ptr<OrgSet>> cache_;
  mutable std::unique_ptr<OrgSet> all_;
  OrgSet none() const { return OrgSet(ds_.size()); }

  const ItemSets* item_sets(const std::string& key);
  OrgSet compare(const instrument::Expr& ref, instrument::Expr::Op op, const instrument::Scalar& lit);
  OrgSet compare_list(const instrument::Expr& ref, const std::vector<instrument::Scalar>& list);
  OrgSet truthy(const instrument::Expr& ref);
};

}  // namespace dp::stats

// The problems of an imported file (core/problems.h): one limit and one wording for every importer.
#include "core/problems.h"

#include <gtest/gtest.h>

TEST(ProblemList, KeepsTheFirst500AndCountsTheRest) {
  dp::ProblemList p;
  EXPECT_TRUE(p.empty());
  for (int i = 1; i <= 1234; ++i) p.add("f.csv: row " + std::to_string(i + 1) + ", column x: bad");
  EXPECT_EQ(p.count(), 1234u);
  EXPECT_EQ(p.shown().size(), dp::ProblemList::kShown);
  auto lines = p.lines();
  ASSERT_EQ(lines.size(), 501u);
  EXPECT_EQ(lines[499], "f.csv: row 501, column x: bad");
  EXPECT_EQ(lines[500], "…and 734 more problem(s)");
  EXPECT_EQ(p.report("nothing was imported")
                .rfind("1234 problem(s); nothing was imported:\n  f.csv: row 2, column x: bad\n", 0),
            0u);
}

TEST(ProblemList, FewProblemsAreAllShownWithoutATail) {
  dp::ProblemList p;
  p.add("a");
  p.add("b");
  EXPECT_EQ(p.lines(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(p.report("nothing was changed"), "2 problem(s); nothing was changed:\n  a\n  b");
}

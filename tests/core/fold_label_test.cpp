// fold_label (core/fold_label.h): labels match whatever their case and spacing, and only then.
#include "core/fold_label.h"

#include <gtest/gtest.h>

using dp::fold_label;

TEST(FoldLabel, CaseAndWhiteSpaceDoNotMatter) {
  EXPECT_EQ(fold_label("  Äldreomsorg "), fold_label("ÄLDREOMSORG"));
  EXPECT_EQ(fold_label("Inga\u00a0e-tjänster"), fold_label("inga   e-tjänster"));
  EXPECT_EQ(fold_label("Vet\tinte"), "vet inte");
}

TEST(FoldLabel, DifferentLettersStayDifferent) {
  EXPECT_NE(fold_label("Ja"), fold_label("Nej"));
  EXPECT_NE(fold_label("Älv"), fold_label("Alv"));  // å, ä, ö are letters of their own in Swedish
  EXPECT_EQ(fold_label(""), "");
}

// What a reader may see of a published number (published_data.h, disclosed()): the count is the
// share in other units, so it is shown exactly where the value is.
#include <gtest/gtest.h>

#include "publish/published_data.h"

namespace dp::publish {
namespace {

Figure stored(Marker m) {
  Figure f;
  f.key = {"K1", "ja", "county", "01", 2021};
  f.value = 25;
  f.n = 8;
  f.count = 2;
  f.marker = m;
  return f;
}

TEST(Disclosed, EveryMarkerThatHidesTheValueHidesTheCountToo) {
  for (Marker m : kAllMarkers) {
    Figure v = disclosed(stored(m));
    EXPECT_EQ(v.value.has_value(), !hides_value(m)) << marker_name(m);
    EXPECT_EQ(v.count.has_value(), v.value.has_value()) << marker_name(m);
    // The base stays public beside every figure but a suppressed one (disclosure.yaml).
    EXPECT_EQ(v.n.has_value(), m != Marker::Suppressed) << marker_name(m);
  }
  EXPECT_EQ(*disclosed(stored(Marker::None)).count, 2);
}

}  // namespace
}  // namespace dp::publish

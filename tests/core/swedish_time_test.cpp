// Swedish wall-clock time <-> stored UTC: what an analyst types when scheduling a publication and
// what the site prints, across winter and summer time.
#include "core/swedish_time.h"

#include <gtest/gtest.h>

using namespace dp;

TEST(SwedishTime, WinterIsOneHourAndSummerTwoHoursAheadOfUtc) {
  EXPECT_EQ(swedish_to_utc("2027-03-15T09:30"), "2027-03-15T08:30:00Z");
  EXPECT_EQ(swedish_to_utc("2027-06-01 09:30"), "2027-06-01T07:30:00Z");
  EXPECT_EQ(swedish_to_utc("2027-06-01T09:30:15"), "2027-06-01T07:30:15Z");
  EXPECT_EQ(utc_to_swedish("2027-03-15T08:30:00Z").time, "09:30");
  EXPECT_EQ(utc_to_swedish("2027-04-02T08:00:00Z").time, "10:00");
  EXPECT_EQ(utc_to_swedish("2027-12-31T23:30:00Z").date, "2028-01-01") << "the date follows the Swedish clock";
}

TEST(SwedishTime, UtcIsTakenAsItIs) {
  EXPECT_EQ(swedish_to_utc("2027-03-15T08:30:00Z"), "2027-03-15T08:30:00Z");
  EXPECT_FALSE(swedish_to_utc("2027-02-30T08:30:00Z"));
}

TEST(SwedishTime, MalformedTimesAreRefusedNotGuessed) {
  for (const char* bad :
       {"", "2027-03-15", "2027-03-15T9:30", "2027-13-01T09:30", "2027-02-29T09:30", "2027-03-15T24:00",
        "2027-03-15T09:60", "2027-03-15X09:30", "yyyy-mm-ddThh:mm", "2027-03-15T09:30+01:00", "2027-03-15T09:30:00:00"})
    EXPECT_FALSE(swedish_to_utc(bad)) << bad;
  EXPECT_EQ(utc_to_swedish("not a time").date, "");
}

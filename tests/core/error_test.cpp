// Errors, locations and diagnostics (core/error.h): one message style, and the mapping of error
// codes to exit statuses and HTTP statuses at the boundaries.
#include "core/error.h"

#include <gtest/gtest.h>

using dp::Diagnostic;
using dp::Error;
using dp::ErrorCode;
using dp::Location;

TEST(Location, FileLineColumn) {
  EXPECT_EQ((Location{"x.yaml", 3, 7, {}}).str(), "x.yaml:3:7");
  EXPECT_EQ((Location{"x.yaml", 3, 0, {}}).str(), "x.yaml:3");
  EXPECT_EQ((Location{"x.yaml", 0, 0, {}}).str(), "x.yaml");
}

TEST(Location, RowAndColumnWithoutFile) {
  EXPECT_EQ((Location{"", 12, 0, "q03"}).str(), "row 12, column q03");
  EXPECT_EQ((Location{"", 12, 0, {}}).str(), "row 12");
}

TEST(Location, FieldOnly) {
  EXPECT_EQ((Location{"", 0, 0, "email"}).str(), "field email");
  EXPECT_TRUE(Location{}.empty());
  EXPECT_FALSE((Location{"", 0, 0, "email"}).empty());
}

TEST(ErrorMessage, PrefixesTheLocation) {
  Error e = Error::bad_input("not a number", Location{"f.csv", 4, 0, {}});
  EXPECT_STREQ(e.what(), "f.csv:4: not a number");
  EXPECT_EQ(e.message(), "not a number");
  EXPECT_EQ(e.where().line, 4);
  EXPECT_EQ(e.code(), ErrorCode::BadInput);
  EXPECT_STREQ(Error::usage("bad flag").what(), "bad flag");
}

TEST(ErrorCodes, MapToExitStatuses) {
  EXPECT_EQ(dp::exit_status(ErrorCode::BadInput), 1);
  EXPECT_EQ(dp::exit_status(ErrorCode::NotFound), 1);
  EXPECT_EQ(dp::exit_status(ErrorCode::Conflict), 1);
  EXPECT_EQ(dp::exit_status(ErrorCode::Forbidden), 1);
  EXPECT_EQ(dp::exit_status(ErrorCode::Usage), 2);
  EXPECT_EQ(dp::exit_status(ErrorCode::Internal), 3);
}

TEST(ErrorCodes, MapToHttpStatuses) {
  EXPECT_EQ(dp::http_status(ErrorCode::BadInput), 400);
  EXPECT_EQ(dp::http_status(ErrorCode::Usage), 400);
  EXPECT_EQ(dp::http_status(ErrorCode::NotFound), 404);
  EXPECT_EQ(dp::http_status(ErrorCode::Conflict), 409);
  EXPECT_EQ(dp::http_status(ErrorCode::Forbidden), 403);
  EXPECT_EQ(dp::http_status(ErrorCode::Unauthorized), 401);
  EXPECT_EQ(dp::http_status(ErrorCode::TooMany), 429);
  EXPECT_EQ(dp::http_status(ErrorCode::Internal), 500);
  EXPECT_EQ(dp::http_status(ErrorCode::Unavailable), 503);
  EXPECT_EQ(dp::exit_status(ErrorCode::Unavailable), 3);
}

TEST(ErrorCodes, HaveStableNames) {
  EXPECT_STREQ(dp::error_code_name(ErrorCode::BadInput), "bad_input");
  EXPECT_STREQ(dp::error_code_name(ErrorCode::TooMany), "too_many_requests");
  EXPECT_STREQ(dp::error_code_name(ErrorCode::Internal), "internal");
  EXPECT_STREQ(dp::error_code_name(ErrorCode::Unavailable), "unavailable");
}

TEST(Diagnostics, FormatAsFileLineColumnSeverityCodeKey) {
  Diagnostic d;
  d.code = dp::DiagnosticCode::InstrumentUnknownReference;
  d.where = Location{"instruments/x.yaml", 12, 9, {}};
  d.key = "show_if";
  d.message = "unknown question 'q99'";
  EXPECT_EQ(d.str(), "instruments/x.yaml:12:9: error I008 [show_if]: unknown question 'q99'");
  d.severity = Diagnostic::Severity::Warning;
  d.key.clear();
  EXPECT_EQ(d.str(), "instruments/x.yaml:12:9: warning I008: unknown question 'q99'");
}

TEST(Diagnostics, OnlyErrorsCountAsErrors) {
  dp::Diagnostics ds(1);
  ds[0].severity = Diagnostic::Severity::Warning;
  EXPECT_FALSE(dp::has_errors(ds));
  ds.emplace_back();
  EXPECT_TRUE(dp::has_errors(ds));
  EXPECT_FALSE(dp::has_errors({}));
}

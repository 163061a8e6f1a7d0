#include "publish/csv_writer.h"

#include <fmt/format.h>

#include "publish/flat_table.h"
#include "publish/jsonstat.h"

namespace dp::publish {

std::string plain_number(double value, int decimals, char decimal_mark) {
  std::string s = fmt::format("{:.{}f}", round_to(value, decimals), decimals);
  if (s == "-0" || s.rfind("-0.", 0) == 0) {
    bool zero = s.find_first_not_of("-0.") == std::string::npos;
    if (zero) s.erase(0, 1);
  }
  if (decimal_mark != '.')
    for (auto& ch : s)
      if (ch == '.') ch = decimal_mark;
  return s;
}

static std::string quote(const std::string& field, char sep) {
  bool needs = field.find_first_of(std::string("\"\r\n") + sep) != std::string::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs) return field;
  std::string out = "\"";
  for (char ch : field) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string to_csv(const Cube& cube, Lang lang, CsvDialect dialect) {
  char sep = dialect == CsvDialect::Semicolon ? ';' : ',';
  char mark = dialect == CsvDialect::Semicolon ? ',' : '.';
  FlatTable t = flatten(cube, lang);
  std::string out;
  if (dialect == CsvDialect::Semicolon) out += "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += sep;
      out += quote(fields[i], sep);
    }
    out += '\n';
  };
  line(t.header);
  std::vector<std::string> fields;
  for (const auto& r : t.rows) {
    fields = r.text;
    fields.push_back(r.value ? plain_number(*r.value, r.decimals, mark) : "");
    fields.push_back(r.status);
    line(fields);
  }
  return out;
}

}  // namespace dp::publish

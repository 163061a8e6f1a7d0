#include "core/csv.h"

#include <csv.h>
#include <exception>
#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace dp::csv {

std::string where(const std::string& file, int row, const std::string& column) {
  std::string s = file.empty() ? "" : file + ": ";
  s += fmt::format("row {}", row);
  if (!column.empty()) s += ", column " + column;
  return s;
}

int Table::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return (int)i;
  return -1;
}

namespace {
struct State {
  std::string source;
  std::string_view text;
  std::vector<std::string> current;
  bool have_header = false;
  std::vector<std::string> header;
  int record_line = 1;      // line where the current record starts
  int last_terminator = 0;  // the character that ended the previous record (-1 at the end)
  size_t offset = 0;        // bytes fed so far (start of current chunk)
  const std::function<void(const std::vector<std::string>&)>* on_header;
  const std::function<void(const Row&)>* on_row;
  std::string error;
  std::exception_ptr failure;  // an exception from a callback, rethrown outside libcsv
};

int count_newlines(std::string_view s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// A column for messages: its header name when there is a readable one, else its number.
std::string column_name(const State& s, size_t index) {
  if (s.have_header && index < s.header.size() && !s.header[index].empty() && valid_utf8(s.header[index]) &&
      s.header[index].size() <= 60)
    return s.header[index];
  return std::to_string(index + 1);
}

const char* const kNotText = "not valid UTF-8, or contains a NUL byte: save the file as CSV in UTF-8";

void on_field(void* data, size_t len, void* st) {
  auto* s = static_cast<State*>(st);
  s->current.emplace_back(static_cast<const char*>(data), len);
}

void on_record(int terminator, void* st) {
  auto* s = static_cast<State*>(st);
  if (!s->error.empty()) return;
  auto fields = std::move(s->current);
  s->current.clear();
  int line = s->record_line;
  // libcsv does not report positions; count the lines the record spanned afterwards. With
  // CSV_REPALL_NL it reports every line end, blank lines included, as a record ended by that
  // character; the LF of a CRLF comes as an empty record of its own and is not a new line.
  for (const auto& f : fields) s->record_line += count_newlines(f);
  bool lf_of_crlf = terminator == '\n' && s->last_terminator == '\r' && fields.empty();
  if (!lf_of_crlf && terminator != -1) s->record_line += 1;
  s->last_terminator = terminator;
  // Header names are trimmed, before the blank-line check: a header that is one blank name is
  // a blank line.
  if (!s->have_header)
    for (auto& f : fields) f = trim(f);
  if (fields.empty() || (fields.size() == 1 && fields[0].empty())) return;  // blank line
  for (size_t i = 0; i < fields.size(); ++i)
    if (!valid_utf8(fields[i])) {
      s->error = where(s->source, line, column_name(*s, i)) + ": " + kNotText;
      return;
    }
  if (!s->have_header) {
    s->have_header = true;
    s->header = fields;
    try {
      (*s->on_header)(s->header);
    } catch (...) {
      s->failure = std::current_exception();
      s->error = "callback failed";
    }
    return;
  }
  if (fields.size() != s->header.size()) {
    s->error =
        fmt::format("{}: has {} fields, the header has {}", where(s->source, line), fields.size(), s->header.size());
    return;
  }
  Row r;
  r.line = line;
  r.fields = std::move(fields);
  // Exceptions must not unwind through libcsv's C frames.
  try {
    (*s->on_row)(r);
  } catch (...) {
    s->failure = std::current_exception();
    s->error = "callback failed";
  }
}
}  // namespace

void parse_stream(std::string_view text, std::string source,
                  const std::function<void(const std::vector<std::string>&)>& on_header,
                  const std::function<void(const Row&)>& on_row, const std::function<void(size_t, size_t)>& progress) {
  struct Parser {
    csv_parser p;
    Parser() {
      if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) throw Error::internal("libcsv init failed");
    }
    ~Parser() { csv_free(&p); }
  } parser;
  // A UTF-8 byte-order mark is skipped at the start of the file only (elsewhere it is data), so a
  // file holding only a BOM is empty.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  State st;
  st.source = source;
  st.text = text;
  st.on_header = &on_header;
  st.on_row = &on_row;
  // Spreadsheet files are often chosen by mistake: say so instead of reporting their bytes.
  if (text.substr(0, 4) == std::string_view("PK\x03\x04", 4) || text.substr(0, 4) == "\xD0\xCF\x11\xE0")
    throw Error::bad_input(where(source, 1) +
                           ": this is a spreadsheet file (XLSX, ODS or XLS), not CSV: save the sheet "
                           "as «CSV UTF-8» and import that file");
  const size_t chunk = 1 << 16;
  for (size_t off = 0; off < text.size(); off += chunk) {
    size_t len = std::min(chunk, text.size() - off);
    size_t n = csv_parse(&parser.p, text.data() + off, len, on_field, on_record, &st);
    if (!st.error.empty()) break;
    if (n != len) {
      // libcsv stopped inside the record that began on st.record_line, in its next field.
      std::string at = where(source, st.record_line, column_name(st, st.current.size()));
      if (csv_error(&parser.p) == CSV_ETOOBIG) throw Error::bad_input(at + ": the field is too large");
      if (csv_error(&parser.p) == CSV_ENOMEM) throw Error::internal(at + ": out of memory");
      // Binary data trips the quote rules sooner or later; name the real problem.
      if (!valid_utf8(text.substr(0, off + n))) throw Error::bad_input(at + ": " + kNotText);
      throw Error::bad_input(at +
                             ": a stray quote: a quoted field must begin with the quote, double every quote "
                             "inside it (\"\") and end right after the closing one");
    }
    if (progress) progress(off + len, text.size());
  }
  if (st.error.empty() && csv_fini(&parser.p, on_field, on_record, &st) != 0)
    throw Error::bad_input(where(source, st.record_line, column_name(st, st.current.size())) +
                           ": the quote that opens this field is never closed");
  if (st.failure) std::rethrow_exception(st.failure);
  if (!st.error.empty()) throw Error::bad_input(st.error);
  if (!st.have_header) throw Error::bad_input(where(source, 1) + ": the file is empty: a header row is required");
}

Table parse(std::string_view text, std::string source) {
  Table t;
  t.source = source;
  parse_stream(
      text, source, [&](const std::vector<std::string>& h) { t.header = h; },
      [&](const Row& r) { t.rows.push_back(r); });
  return t;
}

std::string escape(std::string_view f) {
  // libcsv trims spaces and tabs around unquoted fields, so a field that starts or ends with
  // either must be quoted to read back the same.
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  // A field starting with a byte-order mark or a spreadsheet file's signature is quoted so that,
  // first in a file, it is not taken for the file's own mark or for a spreadsheet (parse).
  bool quote = f.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!f.empty() && (blank(f.front()) || blank(f.back()))) || f.substr(0, 3) == "\xEF\xBB\xBF" ||
               f.substr(0, 4) == std::string_view("PK\x03\x04", 4) || f.substr(0, 4) == "\xD0\xCF\x11\xE0";
  if (!quote) return std::string(f);
  std::string out = "\"";
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += escape(fields[i]);
  }
  out += '\n';
  return out;
}

namespace {
bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Whether the text, after `apostrophes` leading apostrophes (at least that many), then spaces
// and line breaks, begins like a formula.
bool looks_like_formula(std::string_view s, size_t min_apostrophes) {
  size_t i = 0;
  while (i < s.size() && s[i] == '\'') ++i;
  if (i < min_apostrophes) return false;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  return i < s.size() && formula_start(s[i]);
}

bool plain_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0, point = 0;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') ++digits;
    else if (s[i] == '.' && point == 0) ++point;
    else return false;
  }
  return digits > 0 && s.back() != '.';
}
}  // namespace

std::string formula_safe(std::string_view text) {
  if (!looks_like_formula(text, 0) || plain_number(text)) return std::string(text);
  return "'" + std::string(text);
}

std::string from_formula_safe(std::string_view cell) {
  if (looks_like_formula(cell, 1)) cell.remove_prefix(1);
  return std::string(cell);
}

}  // namespace dp::csv

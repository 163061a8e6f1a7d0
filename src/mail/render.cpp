#include "mail/render.h"

#include <kainjow/mustache.hpp>

#include "core/error.h"
#include "core/resources.h"

namespace dp::mail {
namespace mst = kainjow::mustache;

namespace {

mst::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mst::data d{mst::data::type::object};
      for (auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mst::data d{mst::data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case nlohmann::json::value_t::string:
      // An empty string would count as true in a {{#key}} section; false reads as false and prints nothing.
      if (j.get_ref<const std::string&>().empty()) return mst::data(mst::data::type::bool_false);
      return mst::data(j.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return mst::data(j.get<bool>() ? mst::data::type::bool_true : mst::data::type::bool_false);
    case nlohmann::json::value_t::number_integer: return mst::data(std::to_string(j.get<long long>()));
    case nlohmann::json::value_t::number_unsigned: return mst::data(std::to_string(j.get<unsigned long long>()));
    case nlohmann::json::value_t::number_float: return mst::data(j.dump());
    default: return mst::data(mst::data::type::bool_false);
  }
}

std::string render_one(const std::string& path, const mst::data& d, bool escape) {
  auto text = resources::get(path);
  if (!text) throw Error::internal("missing mail template " + path);
  mst::mustache t(*text);
  if (!escape) t.set_custom_escape([](const std::string& s) { return s; });
  if (!t.is_valid()) throw Error::internal("mail template " + path + ": " + t.error_message());
  std::string out = t.render(d);
  if (!t.is_valid()) throw Error::internal("mail template " + path + ": " + t.error_message());
  return out;
}

std::string render_text(const std::string& source, const std::string& name, const mst::data& d) {
  mst::mustache t(source);
  t.set_custom_escape([](const std::string& s) { return s; });
  if (!t.is_valid()) throw Error::bad_input(name + ": " + t.error_message());
  std::string out = t.render(d);
  if (!t.is_valid()) throw Error::bad_input(name + ": " + t.error_message());
  return out;
}

}  // namespace

std::string default_text(const std::string& kind, Lang lang) {
  auto text = resources::get("templates/mail/" + kind + "." + lang_code(lang) + ".txt.mustache");
  if (!text) throw Error::internal("missing mail template for " + kind);
  return std::string(*text);
}

std::vector<std::string> check_text(const std::string& text, const std::vector<std::string>& placeholders) {
  std::vector<std::string> out;
  if (text.rfind("Subject: ", 0) != 0) out.push_back("the text must begin with a line 'Subject: ...'");
  if (text.size() > 20000) out.push_back("the text is longer than 20 000 bytes");
  mst::mustache t(text);
  if (!t.is_valid()) {
    out.push_back(t.error_message());
    return out;
  }
  // Every {{name}}, {{#name}}, {{^name}} and {{/name}} must be one of the kind's placeholders.
  size_t at = 0;
  while ((at = text.find("{{", at)) != std::string::npos) {
    size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    std::string name = text.substr(at + 2, end - at - 2);
    at = end + 2;
    while (!name.empty() &&
           (name[0] == '#' || name[0] == '^' || name[0] == '/' || name[0] == '{' || name[0] == '&' || name[0] == ' '))
      name.erase(0, 1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '}')) name.pop_back();
    if (name.empty() || name[0] == '!') continue;
    bool known = false;
    for (const auto& p : placeholders) known = known || p == name;
    if (!known) out.push_back("{{" + name.substr(0, 40) + "}} is not a placeholder of this message");
  }
  return out;
}

namespace {

// The layout around an HTML body.
std::string in_layout(const nlohmann::json& ctx, const std::string& subject, Lang lang, const std::string& content) {
  nlohmann::json layout_ctx = ctx;
  layout_ctx["subject"] = subject;
  layout_ctx["lang"] = lang_code(lang);
  mst::data ld = to_data(layout_ctx);
  ld.set("content", content);
  auto layout = resources::get("templates/mail/layout.html.mustache");
  if (!layout) throw Error::internal("missing templates/mail/layout.html.mustache");
  mst::mustache lt(*layout);
  std::string out = lt.render(ld);
  if (!lt.is_valid()) throw Error::internal("mail layout: " + lt.error_message());
  return out;
}

}  // namespace

Rendered render(const std::string& kind, Lang lang, const nlohmann::json& ctx, const std::string& custom) {
  std::string base = "templates/mail/" + kind + "." + lang_code(lang);
  mst::data d = to_data(ctx);
  Rendered r;
  std::string text = custom.empty() ? render_one(base + ".txt.mustache", d, false) : render_text(custom, kind, d);
  const std::string prefix = "Subject: ";
  if (text.rfind(prefix, 0) != 0) throw Error::internal(base + ".txt.mustache must start with 'Subject: '");
  auto nl = text.find('\n');
  r.subject = text.substr(prefix.size(), nl == std::string::npos ? std::string::npos : nl - prefix.size());
  // A subject is one line, whatever the data held.
  for (auto& c : r.subject)
    if (c == '\r' || c == '\n') c = ' ';
  size_t body = nl == std::string::npos ? text.size() : nl + 1;
  while (body < text.size() && (text[body] == '\n' || text[body] == '\r')) ++body;
  r.text = text.substr(body);
  if (!custom.empty()) {
    // The analyst writes plain text; its HTML alternative is its paragraphs, escaped.
    nlohmann::json paragraphs = nlohmann::json::array();
    std::string rest = r.text + "\n\n";
    size_t pos = 0, blank;
    while ((blank = rest.find("\n\n", pos)) != std::string::npos) {
      std::string para = rest.substr(pos, blank - pos);
      if (!para.empty()) paragraphs.push_back({{"lines", split(para, '\n')}});
      pos = blank + 2;
    }
    std::string content =
        render_one("templates/mail/custom.html.mustache", to_data({{"paragraphs", paragraphs}}), true);
    r.html = in_layout(ctx, r.subject, lang, content);
    return r;
  }
  if (resources::get(base + ".html.mustache")) {
    r.html = in_layout(ctx, r.subject, lang, render_one(base + ".html.mustache", d, true));
  }
  return r;
}

}  // namespace dp::mail

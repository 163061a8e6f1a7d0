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

}  // namespace

Rendered render(const std::string& kind, Lang lang, const nlohmann::json& ctx) {
  std::string base = "templates/mail/" + kind + "." + lang_code(lang);
  mst::data d = to_data(ctx);
  Rendered r;
  std::string text = render_one(base + ".txt.mustache", d, false);
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
  if (resources::get(base + ".html.mustache")) {
    std::string content = render_one(base + ".html.mustache", d, true);
    nlohmann::json layout_ctx = ctx;
    layout_ctx["subject"] = r.subject;
    layout_ctx["lang"] = lang_code(lang);
    mst::data ld = to_data(layout_ctx);
    ld.set("content", content);
    auto layout = resources::get("templates/mail/layout.html.mustache");
    if (!layout) throw Error::internal("missing templates/mail/layout.html.mustache");
    mst::mustache lt(*layout);
    r.html = lt.render(ld);
    if (!lt.is_valid()) throw Error::internal("mail layout: " + lt.error_message());
  }
  return r;
}

}  // namespace dp::mail

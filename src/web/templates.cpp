#include "web/templates.h"

#include <cstdlib>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>

#include "core/error.h"
#include "core/resources.h"
#include "core/ui_text.h"

namespace dp::web {
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
    case nlohmann::json::value_t::string: return mst::data(j.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return mst::data(j.get<bool>() ? mst::data::type::bool_true : mst::data::type::bool_false);
    case nlohmann::json::value_t::number_integer: return mst::data(std::to_string(j.get<long long>()));
    case nlohmann::json::value_t::number_unsigned: return mst::data(std::to_string(j.get<unsigned long long>()));
    case nlohmann::json::value_t::number_float: {
      double d = j.get<double>();
      std::string s = std::to_string(d);
      if (d == (long long)d) s = std::to_string((long long)d);
      return mst::data(s);
    }
    default: return mst::data(mst::data::type::bool_false);
  }
}

bool dev_mode() { return std::getenv("DIGIPULS_RESOURCE_DIR") != nullptr; }

// kainjow's mustache::render is not const (it records errors), so each thread keeps its own
// parsed copies.
mst::mustache& compiled(const std::string& name) {
  thread_local std::map<std::string, std::unique_ptr<mst::mustache>> cache;
  auto it = cache.find(name);
  if (it != cache.end() && !dev_mode()) return *it->second;
  auto text = resources::get("templates/" + name + ".mustache");
  if (!text) throw Error::internal("missing template " + name);
  auto t = std::make_unique<mst::mustache>(*text);
  if (!t->is_valid()) throw Error::internal("template " + name + ": " + t->error_message());
  auto& ref = *t;
  cache[name] = std::move(t);
  return ref;
}

const std::map<std::string, std::string>& partials() {
  static const std::map<std::string, std::string> p = [] {
    std::map<std::string, std::string> m;
    for (const auto& path : resources::list("templates/partials/")) {
      auto base = path.substr(std::string("templates/partials/").size());
      if (base.size() < 10 || base.substr(base.size() - 9) != ".mustache") continue;
      m[base.substr(0, base.size() - 9)] = resources::require(path);
    }
    return m;
  }();
  return p;
}

}  // namespace

Templates::Templates() : sv_(ui::strings(Lang::sv)), en_(ui::strings(Lang::en)) {}

std::string Templates::render(const std::string& name, const nlohmann::json& ctx) const {
  mst::data d = to_data(ctx);
  if (dev_mode()) {
    for (const auto& path : resources::list("templates/partials/")) {
      auto base = path.substr(std::string("templates/partials/").size());
      if (base.size() > 9 && base.substr(base.size() - 9) == ".mustache") {
        auto text = resources::require(path);
        d.set(base.substr(0, base.size() - 9), mst::partial([text] { return text; }));
      }
    }
  } else {
    for (const auto& [pname, text] : partials()) {
      const std::string* tp = &text;
      d.set(pname, mst::partial([tp] { return *tp; }));
    }
  }
  auto& t = compiled(name);
  std::string out = t.render(d);
  if (!t.is_valid()) throw Error::internal("template " + name + ": " + t.error_message());
  return out;
}

const nlohmann::json& Templates::strings(Lang lang) const { return lang == Lang::en ? en_ : sv_; }

std::string Templates::t(Lang lang, const std::string& key) const {
  const nlohmann::json* cur = &strings(lang);
  size_t start = 0;
  while (start <= key.size()) {
    size_t dot = key.find('.', start);
    std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!cur->is_object() || !cur->contains(part)) return key;
    cur = &(*cur)[part];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return cur->is_string() ? cur->get<std::string>() : key;
}

}  // namespace dp::web

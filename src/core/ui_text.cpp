#include "core/ui_text.h"

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/resources.h"

namespace dp::ui {
namespace {

nlohmann::json yaml_to_json(const YAML::Node& n) {
  if (n.IsMap()) {
    nlohmann::json o = nlohmann::json::object();
    for (auto it = n.begin(); it != n.end(); ++it) o[it->first.as<std::string>()] = yaml_to_json(it->second);
    return o;
  }
  if (n.IsSequence()) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& x : n) a.push_back(yaml_to_json(x));
    return a;
  }
  if (n.IsScalar()) return n.Scalar();
  return nullptr;
}

void merge_fallback(nlohmann::json& target, const nlohmann::json& fallback) {
  for (auto& [k, v] : fallback.items()) {
    if (!target.contains(k)) target[k] = v;
    else if (v.is_object() && target[k].is_object()) merge_fallback(target[k], v);
  }
}

nlohmann::json load(const char* path) {
  auto text = resources::get(path);
  if (!text) return nlohmann::json::object();
  try {
    return yaml_to_json(YAML::Load(*text));
  } catch (const YAML::Exception& e) {
    throw Error::internal(std::string(path) + ": " + e.what());
  }
}

struct Catalogue {
  nlohmann::json sv, en;
  Catalogue() : sv(load("templates/i18n/sv.yaml")), en(load("templates/i18n/en.yaml")) { merge_fallback(en, sv); }
};

const Catalogue& catalogue() {
  static const Catalogue c;
  return c;
}

const nlohmann::json* find(const nlohmann::json& root, std::string_view key) {
  const nlohmann::json* cur = &root;
  size_t start = 0;
  while (true) {
    size_t dot = key.find('.', start);
    std::string part(key.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (!cur->is_object() || !cur->contains(part)) return nullptr;
    cur = &(*cur)[part];
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return cur->is_string() ? cur : nullptr;
}

}  // namespace

const nlohmann::json& strings(Lang lang) { return lang == Lang::en ? catalogue().en : catalogue().sv; }

bool has(std::string_view key) { return find(strings(Lang::sv), key) != nullptr; }

std::string text(std::string_view key, Lang lang) {
  const nlohmann::json* s = find(strings(lang), key);
  if (!s) throw Error::internal("no UI string " + std::string(key) + " in templates/i18n/" + lang_code(lang) + ".yaml");
  return s->get<std::string>();
}

I18n label(std::string_view key) { return I18n{text(key, Lang::sv), text(key, Lang::en)}; }

I18n label(std::string_view key, const std::map<std::string, std::string>& values) {
  return I18n{text(key, Lang::sv, values), text(key, Lang::en, values)};
}

std::string fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [k, v] : values) {
    std::string key = "{" + k + "}";
    for (size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + v.size()))
      text.replace(pos, key.size(), v);
  }
  return text;
}

std::string text(std::string_view key, Lang lang, const std::map<std::string, std::string>& values) {
  return fill(text(key, lang), values);
}

}  // namespace dp::ui

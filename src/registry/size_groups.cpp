#include <fmt/format.h>

#include "core/error.h"
#include "core/yaml_reader.h"
#include "registry/model.h"

namespace dp::registry {

std::string SizeGroupScheme::group_of(long long population) const {
  for (const auto& g : groups)
    if (population >= g.min && (!g.max || population <= *g.max)) return g.id;
  return "";
}

const SizeGroup* SizeGroupScheme::find(const std::string& gid) const {
  for (const auto& g : groups)
    if (g.id == gid) return &g;
  return nullptr;
}

SizeGroupScheme parse_size_groups(const std::string& text, const std::string& file) {
  SizeGroupScheme s;
  try {
    YAML::Node root = yaml::parse_or_throw(text, file);
    s.id = root["scheme"].as<std::string>();
    for (const auto& g : root["groups"]) {
      SizeGroup sg;
      sg.id = g["id"].as<std::string>();
      sg.label.sv = g["label"]["sv"].as<std::string>();
      sg.label.en = g["label"]["en"].as<std::string>("");
      sg.min = g["min"].as<long long>();
      if (g["max"]) sg.max = g["max"].as<long long>();
      s.groups.push_back(sg);
    }
  } catch (const YAML::Exception& e) {
    throw Error::bad_input(fmt::format("size groups: {}", e.msg),
                           Location{file, e.mark.line + 1, e.mark.column + 1, {}});
  }
  if (s.groups.empty()) throw Error::bad_input("size groups: no groups", Location{file, 0, 0, {}});
  return s;
}

}  // namespace dp::registry

#include "core/resources.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/resources_table.h"

namespace dp::resources {
namespace fs = std::filesystem;

static const char* override_dir() {
  const char* d = std::getenv("DIGIPULS_RESOURCE_DIR");
  return (d && *d) ? d : nullptr;
}

std::optional<std::string> get(std::string_view path) {
  if (const char* dir = override_dir()) {
    fs::path p = fs::path(dir) / std::string(path);
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  for (const auto* e = resources_detail::entries; e->path; ++e)
    if (path == e->path) return std::string(e->begin, e->end);
  return std::nullopt;
}

std::string require(std::string_view path) {
  auto r = get(path);
  if (!r) throw Error::internal("missing embedded resource " + std::string(path));
  return *r;
}

std::vector<std::string> list(std::string_view prefix) {
  std::vector<std::string> out;
  if (const char* dir = override_dir()) {
    fs::path root(dir);
    fs::path base = root / std::string(prefix);
    std::error_code ec;
    if (fs::is_directory(base, ec))
      for (auto& ent : fs::recursive_directory_iterator(base, ec))
        if (ent.is_regular_file()) out.push_back(fs::relative(ent.path(), root).generic_string());
  } else {
    for (const auto* e = resources_detail::entries; e->path; ++e)
      if (std::string_view(e->path).substr(0, prefix.size()) == prefix) out.emplace_back(e->path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<std::string, std::string>> declaring(std::string_view prefix, std::string_view format) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string line = "format: " + std::string(format);
  for (const auto& path : list(prefix)) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".yaml") != 0) continue;
    auto text = require(path);
    if (text.find(line) != std::string::npos) out.emplace_back(path, std::move(text));
  }
  return out;
}

}  // namespace dp::resources

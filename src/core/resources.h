#pragma once
// Files embedded in the binary at build time: templates/, static/, instruments/, data/.
// Setting DIGIPULS_RESOURCE_DIR to a checkout makes the program read them from disk instead,
// so templates and styles can be edited without a rebuild.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dp::resources {

// The content of a resource by its path relative to the repository root, e.g.
// "templates/layout.mustache". Empty optional when there is no such resource.
std::optional<std::string> get(std::string_view path);

// Throws dp::Error (Internal) if the resource is missing: for files the program cannot run without.
std::string require(std::string_view path);

// Paths of all resources under a folder prefix, e.g. list("instruments/"), sorted.
std::vector<std::string> list(std::string_view prefix);

// The YAML files under a folder prefix whose text declares `format: <format>`, e.g.
// declaring("instruments/", "digipuls-instrument/1"): (path, text) pairs, sorted by path.
std::vector<std::pair<std::string, std::string>> declaring(std::string_view prefix, std::string_view format);

}  // namespace dp::resources

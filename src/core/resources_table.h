#pragma once
// Layout of the table that cmake/resources.cmake generates for the embedded files.
namespace dp::resources_detail {
struct Entry {
  const char* path;
  const char* begin;
  const char* end;
};
extern const Entry entries[];
}  // namespace dp::resources_detail

#pragma once
// Shared by the statistics tests: the bundled instruments, key figures and history, read from
// the source tree (the same files the binary embeds).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "instrument/load.h"
#include "stats/history.h"
#include "stats/keyfigures_load.h"

namespace dp::stats::testing {

inline std::string read_source(const std::string& rel) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline const std::vector<instrument::Instrument>& bundled_instruments() {
  static const std::vector<instrument::Instrument> all = [] {
    std::vector<instrument::Instrument> v;
    for (const char* f : {"instruments/ehalsa-2021.yaml", "instruments/ehalsa-2022.yaml"})
      v.push_back(instrument::load_or_throw(read_source(f), f));
    return v;
  }();
  return all;
}

inline std::vector<const instrument::Instrument*> bundled_instrument_ptrs() {
  std::vector<const instrument::Instrument*> out;
  for (const auto& i : bundled_instruments()) out.push_back(&i);
  return out;
}

inline const HistoryData& bundled_history() {
  static const HistoryData h = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(DIGIPULS_SOURCE_DIR) + "/data/history"))
      if (e.path().extension() == ".csv")
        files.emplace_back(e.path().filename().string(), read_source("data/history/" + e.path().filename().string()));
    std::sort(files.begin(), files.end());
    return parse_history(files);
  }();
  return h;
}

inline const KeyFigureSet& bundled_keyfigures() {
  static const KeyFigureSet set = load_keyfigures_or_throw(read_source("instruments/ehalsa.keyfigures.yaml"),
                                                           "instruments/ehalsa.keyfigures.yaml",
                                                           bundled_instrument_ptrs(), &bundled_history());
  return set;
}

}  // namespace dp::stats::testing

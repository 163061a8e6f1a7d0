// next_version: the next year's instrument written from the last one, every question continuing
// its namesake, ready for the analyst to edit (versions.h).
#include <fmt/format.h>
#include <regex>
#include <set>
#include <sstream>
#include <yaml-cpp/yaml.h>

#include "instrument/load.h"
#include "instrument/versions.h"

namespace dp::instrument {
namespace {

// A copy of `map` with `key` set to `value` right after `after` (or at the end), other keys kept in order.
YAML::Node with_key(const YAML::Node& map, const std::string& key, const YAML::Node& value, const std::string& after) {
  YAML::Node out(YAML::NodeType::Map);
  bool placed = false;
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string k = it->first.Scalar();
    if (k == key) continue;
    out[k] = it->second;
    if (k == after) {
      out[key] = value;
      placed = true;
    }
  }
  if (!placed) out[key] = value;
  return out;
}

YAML::Node without_key(const YAML::Node& map, const std::string& key) {
  YAML::Node out(YAML::NodeType::Map);
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it->first.Scalar() != key) out[it->first.Scalar()] = it->second;
  return out;
}

YAML::Node continuing(const std::string& id) {
  YAML::Node l(YAML::NodeType::Map);
  l["id"] = id;
  l["comparability"] = "same";
  l.SetStyle(YAML::EmitterStyle::Flow);
  return l;
}

YAML::Node next_question(const YAML::Node& q) {
  // Rows follow their question: their own links (to the year before) are dropped.
  YAML::Node copy(YAML::NodeType::Map);
  for (auto it = q.begin(); it != q.end(); ++it) {
    const std::string k = it->first.Scalar();
    if (k == "rows" && it->second.IsSequence()) {
      YAML::Node rows(YAML::NodeType::Sequence);
      // A yaml-cpp iterator's -> gives a temporary proxy: a range over it->second would outlive it.
      const YAML::Node source_rows = it->second;
      for (const auto& r : source_rows) rows.push_back(r.IsMap() ? without_key(r, "continues") : YAML::Node(r));
      copy[k] = rows;
    } else {
      copy[k] = it->second;
    }
  }
  return with_key(copy, "continues", continuing(q["id"].Scalar()), "id");
}

}  // namespace

NextVersion next_version(std::string_view text, const std::string& file, int year) {
  Instrument src = load_or_throw(text, file);
  if (year <= src.year)
    throw Error::bad_input(fmt::format("{}: --year {} is not after the instrument's year {}", file, year, src.year));
  const int shift = year - src.year;
  NextVersion nv;
  nv.id = fmt::format("{}-{}", src.family, year);
  YAML::Node root = YAML::Load(std::string(text));
  YAML::Node out(YAML::NodeType::Map);
  for (auto it = root.begin(); it != root.end(); ++it) {
    std::string k = it->first.Scalar();
    if (k == "previous") continue;
    if (k == "id") out[k] = nv.id;
    else if (k == "year") {
      out[k] = year;
      out["previous"] = src.id;
    } else if (k == "reference_period" && std::regex_match(src.reference_period, std::regex("[0-9]{4}"))) {
      out[k] = std::to_string(std::stoi(src.reference_period) + shift);
    } else if (k == "sections" && it->second.IsSequence()) {
      YAML::Node sections(YAML::NodeType::Sequence);
      const YAML::Node source_sections = it->second;  // (not a range over the iterator's proxy)
      for (const auto& s : source_sections) {
        // yaml-cpp nodes are references: assigning to one that came from the source would change
        // the source, so every changed map is built anew.
        if (!s.IsMap() || !s["questions"] || !s["questions"].IsSequence()) {
          sections.push_back(s);
          continue;
        }
        YAML::Node qs(YAML::NodeType::Sequence);
        for (const auto& q : s["questions"]) qs.push_back(q.IsMap() ? next_question(q) : YAML::Node(q));
        YAML::Node ns(YAML::NodeType::Map);
        for (auto si = s.begin(); si != s.end(); ++si)
          if (si->first.Scalar() == "questions") ns["questions"] = qs;
          else ns[si->first.Scalar()] = si->second;
        sections.push_back(ns);
      }
      out[k] = sections;
    } else {
      out[k] = it->second;
    }
  }
  YAML::Emitter em;
  em.SetIndent(2);
  em << out;
  std::ostringstream ss;
  ss << "# " << nv.id << ": written by `digipuls instrument new-version` from " << src.id
     << ". Every question continues its namesake\n# (comparability: same): edit wording, options and "
        "lineage, then run `digipuls instrument check`.\n"
     << em.c_str() << "\n";
  nv.yaml = ss.str();
  // Labels that still name the source's years are most likely dates to move by hand.
  std::set<std::string> years = {std::to_string(src.year)};
  if (std::regex_match(src.reference_period, std::regex("[0-9]{4}"))) years.insert(src.reference_period);
  std::istringstream lines(nv.yaml);
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    if (line.rfind("#", 0) == 0 || line.find("previous:") != std::string::npos) continue;
    for (const auto& y : years)
      if (std::regex_search(line, std::regex("(^|[^0-9])" + y + "([^0-9]|$)"))) {
        nv.notes.push_back(fmt::format("line {}: still names {}: {}", n, y, line.substr(line.find_first_not_of(' '))));
        break;
      }
  }
  return nv;
}

}  // namespace dp::instrument

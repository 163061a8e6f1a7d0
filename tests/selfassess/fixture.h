#pragma once
// A small maturity instrument whose scores are computed by hand in the tests.
//   i1 weight 3, target group a, residents, infrastructure
//   i2 weight 1, target group a, staff, infrastructure
//   i3 weight 2, target group b, residents, security
//   i4 weight 2, cross-cutting,  decision-makers, security (two measures)
#include "instrument/load.h"
#include "selfassess/rules.h"

namespace dp::selfassess::testing {

inline const char* kFixtureYaml = R"YAML(
format: digipuls-instrument/1
id: fixture-2025
family: fixture
kind: maturity
year: 2025
title: {sv: "Fixtur", en: "Fixture"}
dimensions:
  target_groups: [{id: a, label: {sv: "A", en: "A"}}, {id: b, label: {sv: "B", en: "B"}}]
  perspectives:
    - {id: invanare, label: {sv: "Invånare", en: "Residents"}}
    - {id: medarbetare, label: {sv: "Medarbetare", en: "Staff"}}
    - {id: beslutsfattare, label: {sv: "Beslutsfattare", en: "Decision-makers"}}
  areas:
    - {id: infra, label: {sv: "Infrastruktur", en: "Infrastructure"}}
    - {id: sak, label: {sv: "Säkerhet", en: "Security"}}
scale:
  - {id: uppnadd, label: {sv: "Uppnådd", en: "Achieved"}, score: 100}
  - {id: nastan, label: {sv: "Nästan där", en: "Almost there"}, score: 75}
  - {id: paborjad, label: {sv: "Påbörjad", en: "Started"}, score: 50}
  - {id: planerad, label: {sv: "Planerad", en: "Planned"}, score: 25}
  - {id: ej_planerad, label: {sv: "Ej planerad", en: "Not planned"}, score: 0}
  - {id: ej_relevant, label: {sv: "Ej relevant", en: "Not relevant"}, missing: not_relevant}
sections:
  - id: s
    title: {sv: "S", en: "S"}
    questions:
      - id: i1
        label: {sv: "I1", en: "I1"}
        maturity: {weight: 3, target_group: a, perspective: invanare, area: infra, measures: [{sv: "M1", en: "M1"}]}
      - id: i2
        label: {sv: "I2", en: "I2"}
        maturity: {weight: 1, target_group: a, perspective: medarbetare, area: infra, measures: [{sv: "M2", en: "M2"}]}
      - id: i3
        label: {sv: "I3", en: "I3"}
        maturity:
          weight: 2
          target_group: b
          perspective: invanare
          area: sak
          register_keyfigure: kf.x
          register_bands: [{min: 100, rating: uppnadd}, {min: 50, rating: paborjad}, {min: 0, rating: ej_planerad}]
          measures: [{sv: "M3", en: "M3"}]
      - id: i4
        label: {sv: "I4", en: "I4"}
        maturity: {weight: 2, perspective: beslutsfattare, area: sak, measures: [{sv: "M4a", en: "M4a"}, {sv: "M4b", en: "M4b"}]}
)YAML";

inline const instrument::Instrument& fixture() {
  static const instrument::Instrument in = instrument::load_or_throw(kFixtureYaml, "fixture.yaml");
  return in;
}

inline Rules fixture_rules() {
  return parse_rules(R"YAML(
bands:
  - {id: gron, min: 75, label: {sv: "Grön", en: "Green"}}
  - {id: gul, min: 40, label: {sv: "Gul", en: "Yellow"}}
  - {id: rod, min: 0, label: {sv: "Röd", en: "Red"}}
action_plan: {default_level: nastan}
workshop: {spread_alert: 50}
)YAML",
                     "rules.yaml");
}

}  // namespace dp::selfassess::testing

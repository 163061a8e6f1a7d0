-- Key-figure and report declarations imported with `digipuls instrument import` (or the admin
-- page): the exact file text under its resource name (instruments/ehalsa.keyfigures.yaml). A
-- stored file takes the place of the bundled file of the same name.
CREATE TABLE declarations (
  name TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('keyfigures', 'report')),
  text TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);

-- Errata: recorded corrections of wording (labels, help texts, titles) in a stored instrument
-- version, which may already have answers. The instrument's source_text becomes the corrected
-- text; each erratum keeps the text before it and what it changed, so nothing is lost.
CREATE TABLE instrument_errata (
  id INTEGER PRIMARY KEY,
  instrument_id TEXT NOT NULL REFERENCES instruments(id),
  recorded_at TEXT NOT NULL,
  note TEXT NOT NULL,
  changes TEXT NOT NULL,  -- JSON array of {"where": "q03.label", "before": {...}, "after": {...}}
  before_text TEXT NOT NULL
);
CREATE INDEX instrument_errata_by_instrument ON instrument_errata(instrument_id, id);

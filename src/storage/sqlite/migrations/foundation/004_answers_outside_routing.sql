-- An answer imported from historical microdata that today's routing does not ask of the
-- organisation (`digipuls responses import --routing keep`): stored as it was given, flagged, and
-- counted by the statistics as the published tables counted it. Any later change of the item
-- (a form save, an import without the flag) clears the flag.
ALTER TABLE answers ADD COLUMN outside_routing INTEGER NOT NULL DEFAULT 0;

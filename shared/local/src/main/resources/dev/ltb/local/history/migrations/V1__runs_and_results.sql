-- One row per run. The resolved suite is kept so a run can be resumed or replayed.
CREATE TABLE runs (
  run_id        TEXT    NOT NULL PRIMARY KEY,
  description   TEXT,
  suite_source  TEXT,
  suite_json    TEXT,
  status        TEXT    NOT NULL,
  status_reason TEXT,
  -- Instants are UTC ISO-8601 text with nine fraction digits: readable, exact, and text order is time order.
  created_at    TEXT    NOT NULL,
  finished_at   TEXT,
  total_items   INTEGER NOT NULL,
  summary_json  TEXT
);

-- list(limit): most recent first.
CREATE INDEX runs_by_created_at ON runs (created_at DESC, run_id DESC);

-- One row per finished work item. result_json is the whole ItemResult (the documented output format);
-- the other columns copy the fields worth querying with the sqlite3 shell.
-- The primary key's index also serves completedItemIds (covering) and forEachResult (item-id order).
CREATE TABLE results (
  run_id         TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  item_id        TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  score          REAL    NOT NULL,
  provider_label TEXT,
  prompt_id      TEXT,
  test_index     INTEGER NOT NULL,
  latency_ms     INTEGER NOT NULL,
  cost_usd       REAL,
  result_json    TEXT    NOT NULL,
  PRIMARY KEY (run_id, item_id)
);

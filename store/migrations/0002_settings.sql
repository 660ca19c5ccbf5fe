-- Small facts about the library itself: the plan last opened, whether the
-- default plan was given to this library on its first run.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

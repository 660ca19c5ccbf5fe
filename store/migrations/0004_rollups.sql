-- Roll-ups (issue 11): a named list of plans, each counted by itself or
-- by one of its scenarios. Members hold the plan's id, so a roll-up is
-- live: editing a member plan changes the roll-up. The scenario is held by
-- name ('' for the plan itself), as scenarios are rewritten when their
-- plan is saved. Deleting a plan takes it out of every roll-up that held
-- it (the window asks first and names them); the roll-up stays.
CREATE TABLE rollups (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE TABLE rollup_members (
    rollup_id          INTEGER NOT NULL REFERENCES rollups(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    scenario           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rollup_id, pos),
    UNIQUE (rollup_id, plan_id)
);
CREATE INDEX rollup_members_by_plan ON rollup_members(plan_id);

-- A plan and everything in it. Months are stored as YYYY-MM text, as in
-- the plan file; positions (pos) keep the planner's order.
CREATE TABLE plans (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    area               TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    baseline_month     TEXT NOT NULL,
    horizon_month      TEXT NOT NULL,
    cap_hires          INTEGER NOT NULL CHECK (cap_hires IN (0, 1)),
    interpolation      TEXT NOT NULL CHECK (interpolation IN ('linear', 'compound')),
    baseline_wte       REAL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE TABLE professions (
    plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    id                 TEXT NOT NULL,
    name               TEXT NOT NULL,
    leaver_rate_pct    REAL NOT NULL,
    wte_per_head       REAL NOT NULL,
    cost_per_wte_gbp   REAL NOT NULL,
    PRIMARY KEY (plan_id, id)
);

CREATE TABLE post_lines (
    id                    INTEGER PRIMARY KEY,
    plan_id               INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    pos                   INTEGER NOT NULL,
    profession            TEXT NOT NULL,
    service_area          TEXT NOT NULL,
    in_post_wte           REAL NOT NULL,
    in_post_headcount     REAL,
    funded_wte            REAL NOT NULL,
    recruits_wte_per_year REAL NOT NULL,
    leaver_rate_pct       REAL,
    UNIQUE (plan_id, profession, service_area),
    FOREIGN KEY (plan_id, profession) REFERENCES professions(plan_id, id) ON DELETE CASCADE
);

CREATE TABLE funded_changes (
    post_line_id       INTEGER NOT NULL REFERENCES post_lines(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    month              TEXT NOT NULL,
    funded_wte_delta   REAL NOT NULL,
    PRIMARY KEY (post_line_id, pos)
);

CREATE TABLE scenarios (
    id                 INTEGER PRIMARY KEY,
    plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    name               TEXT NOT NULL,
    cap_hires          INTEGER CHECK (cap_hires IN (0, 1)),
    UNIQUE (plan_id, name)
);

-- A plan's cohorts have no scenario; a scenario's extra cohorts name it.
CREATE TABLE cohorts (
    plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    scenario_id        INTEGER REFERENCES scenarios(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    profession         TEXT NOT NULL,
    service_area       TEXT NOT NULL,
    start_month        TEXT NOT NULL,
    duration_months    INTEGER NOT NULL,
    intake             INTEGER NOT NULL,
    completion_pct     REAL NOT NULL,
    takeup_pct         REAL NOT NULL,
    FOREIGN KEY (plan_id, profession) REFERENCES professions(plan_id, id) ON DELETE CASCADE
);
CREATE INDEX cohorts_by_plan ON cohorts(plan_id, scenario_id, pos);

CREATE TABLE milestones (
    plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    month              TEXT NOT NULL,
    growth_pct         REAL NOT NULL,
    PRIMARY KEY (plan_id, pos)
);

CREATE TABLE actuals (
    plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    month              TEXT NOT NULL,
    profession         TEXT,
    in_post_wte        REAL NOT NULL,
    PRIMARY KEY (plan_id, pos),
    FOREIGN KEY (plan_id, profession) REFERENCES professions(plan_id, id) ON DELETE CASCADE
);

CREATE TABLE scenario_professions (
    scenario_id        INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    pos                INTEGER NOT NULL,
    profession         TEXT NOT NULL,
    leaver_rate_pct    REAL,
    wte_per_head       REAL,
    cost_per_wte_gbp   REAL,
    PRIMARY KEY (scenario_id, profession)
);

CREATE TABLE scenario_posts (
    scenario_id           INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    pos                   INTEGER NOT NULL,
    profession            TEXT NOT NULL,
    service_area          TEXT NOT NULL,
    recruits_wte_per_year REAL,
    leaver_rate_pct       REAL,
    funded_wte            REAL,
    in_post_wte           REAL,
    PRIMARY KEY (scenario_id, profession, service_area)
);

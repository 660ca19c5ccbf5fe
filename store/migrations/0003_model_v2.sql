-- Model version 2 (plan file version 2): every new field as a column of
-- its own. Rows of an older library take the plan file's defaults, as a
-- version 1 plan file is read.
ALTER TABLE plans ADD COLUMN qualifier_wait_months INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN count_salaried_trainees INTEGER NOT NULL DEFAULT 0
    CHECK (count_salaried_trainees IN (0, 1));
ALTER TABLE plans ADD COLUMN pay_uplift_pct_per_year REAL NOT NULL DEFAULT 0;

-- A plan with no uncertainty band has no row here; a plan whose band is
-- all zeros has a row of zeros (the plan file tells the two apart too).
CREATE TABLE plan_uncertainty (
    plan_id                 INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
    leaver_rate_pct_points  REAL NOT NULL,
    completion_pct_points   REAL NOT NULL,
    takeup_pct_points       REAL NOT NULL,
    recruitment_pct         REAL NOT NULL
);

ALTER TABLE professions ADD COLUMN trainees_salaried INTEGER NOT NULL DEFAULT 0
    CHECK (trainees_salaried IN (0, 1));
ALTER TABLE professions ADD COLUMN trainee_wte_per_head REAL NOT NULL DEFAULT 1;
ALTER TABLE professions ADD COLUMN trainee_cost_per_wte_gbp REAL NOT NULL DEFAULT 0;

-- drawn_from: both NULL (nobody drawn from staff in post) or both set.
ALTER TABLE cohorts ADD COLUMN drawn_from_profession TEXT;
ALTER TABLE cohorts ADD COLUMN drawn_from_pct REAL;

-- NULL: the scenario keeps the plan's wait.
ALTER TABLE scenarios ADD COLUMN qualifier_wait_months INTEGER;

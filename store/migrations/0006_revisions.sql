-- Trust (issue 21): a plan id is never given again after its plan is
-- deleted (last_plan_id remembers the highest ever given), and each plan
-- counts its saves (revision), so an answer worked out on one version of
-- a plan is never kept in another, or in a plan that took its place.
ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TABLE plan_ids (only INTEGER PRIMARY KEY CHECK (only = 1), last_plan_id INTEGER NOT NULL);
INSERT INTO plan_ids (only, last_plan_id) SELECT 1, COALESCE(MAX(id), 0) FROM plans;

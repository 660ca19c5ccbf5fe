package store

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile/planfiletest"
)

// A damaged setting or change time is reported, not read as "none".
func TestDamagedRowsAreReported(t *testing.T) {
	lib := openTemp(t)
	if _, err := lib.db.Exec("INSERT INTO settings (key, value) VALUES ('last_plan', 'x7')"); err != nil {
		t.Fatal(err)
	}
	if id, err := lib.LastPlan(ctx); err == nil || !strings.Contains(err.Error(), `"x7"`) {
		t.Errorf("last plan %d, error %v", id, err)
	}
	id, err := lib.CreatePlan(ctx, planfiletest.Small(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.db.Exec("UPDATE plans SET updated_at = 'yesterday' WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	// one damaged plan does not stop the list: it is listed, marked
	list, err := lib.ListPlans(ctx)
	if err != nil || len(list) != 1 || !strings.Contains(list[0].Damaged, `"yesterday"`) {
		t.Errorf("list of a damaged plan: %+v %v", list, err)
	}
}

// damagedLibrary is a library of an older PsyPlan (plans kept in rows)
// holding two copies of the v2 plan, the first damaged with raw SQL as
// statements say (PLAN is its id, OTHER the second's), opened by this one:
// the sound copy is converted to its document, the damaged one stays in
// its rows.
func damagedLibrary(t *testing.T, statements ...string) (lib *Library, damaged, other int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	ids := legacyLibrary(t, path, []*plan.Plan{v2Plan(t), v2Plan(t)}, func(ids []int64) []string {
		r := strings.NewReplacer("PLAN", strconv.FormatInt(ids[0], 10), "OTHER", strconv.FormatInt(ids[1], 10))
		var out []string
		for _, s := range statements {
			out = append(out, r.Replace(s))
		}
		return out
	})
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib, ids[0], ids[1]
}

// Each damage of a plan an older library kept in rows is refused on
// opening with a message naming what is wrong, marked in the list,
// readable as far as it goes, and deletable; the other plan of the
// library is untouched.
func TestDamagedPlans(t *testing.T) {
	cases := []struct {
		name      string
		damage    []string
		want      []string // in the problems
		rescueLen func(*plan.Plan) int
		rescued   int // what rescueLen gives for the rescued plan
	}{
		{"cohort of another plan's scenario", // this panicked before
			[]string{"UPDATE cohorts SET scenario_id = (SELECT MIN(id) FROM scenarios WHERE plan_id = OTHER) WHERE plan_id = PLAN AND scenario_id IS NOT NULL"},
			[]string{"cohorts row 0 of scenario", "is not a scenario of this plan", "left out"},
			func(p *plan.Plan) int { return len(p.Scenarios[1].ExtraCohorts) }, 0},
		{"formula in a service area and negative WTE",
			[]string{"UPDATE post_lines SET service_area = '=HYPERLINK(1)', in_post_wte = -5 WHERE plan_id = PLAN AND pos = 1"},
			[]string{`posts[1].service_area: "=HYPERLINK(1)" must not begin with =`, "posts[1].in_post_wte: -5"},
			func(p *plan.Plan) int { return len(p.Posts) }, 2},
		{"text where a number belongs",
			[]string{"UPDATE cohorts SET completion_pct = 'ninety' WHERE plan_id = PLAN AND scenario_id IS NULL AND pos = 1"},
			[]string{`cohorts row 1: completion_pct is "ninety", not a number; the row is left out`},
			func(p *plan.Plan) int { return len(p.Cohorts) }, 2},
		{"months half a whole number",
			[]string{"UPDATE cohorts SET duration_months = 2.5 WHERE plan_id = PLAN AND scenario_id IS NULL AND pos = 0"},
			[]string{"cohorts row 0: duration_months is 2.5, not a whole number"},
			func(p *plan.Plan) int { return len(p.Cohorts) }, 2},
		{"drawn from without its share",
			[]string{"UPDATE cohorts SET drawn_from_pct = NULL WHERE plan_id = PLAN AND drawn_from_profession IS NOT NULL AND scenario_id IS NULL"},
			[]string{"cohorts row 2: drawn_from_profession and drawn_from_pct must both be empty or both be set"},
			func(p *plan.Plan) int { return len(p.Cohorts) }, 2},
		{"post line of a profession that is not there",
			[]string{"UPDATE post_lines SET profession = 'ghost' WHERE plan_id = PLAN AND pos = 1"},
			[]string{`posts[1].profession: "ghost" is not a profession of this plan`},
			func(p *plan.Plan) int { return len(p.Posts) }, 2},
		{"a month that is not one, and a wait of 25",
			[]string{"UPDATE plans SET baseline_month = '2020-13', qualifier_wait_months = 25 WHERE id = PLAN"},
			[]string{`plans row: baseline_month "2020-13" has no month 13`, "qualifier_wait_months: 25"},
			func(p *plan.Plan) int { return p.QualifierWaitMonths }, 25},
		{"funded change of a line left out",
			[]string{"UPDATE post_lines SET in_post_wte = X'00' WHERE plan_id = PLAN AND pos = 0"},
			[]string{"post_lines row 0: in_post_wte is", "its post line was left out"},
			func(p *plan.Plan) int { return len(p.Posts) }, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lib, id, other := damagedLibrary(t, c.damage...)
			lib.SetLastPlan(ctx, id)
			_, err := lib.LoadPlan(ctx, id)
			var damage *DamagedError
			if !errors.As(err, &damage) || damage.ID != id {
				t.Fatalf("LoadPlan: %v", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, fmt.Sprintf("plan %d (%q) in the library is damaged", id, v2Plan(t).Name)) {
				t.Errorf("the message does not name the plan: %s", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("the message lacks %q:\n%s", w, msg)
				}
			}
			list, err := lib.ListPlans(ctx)
			if err != nil || len(list) != 2 {
				t.Fatalf("list: %+v %v", list, err)
			}
			for _, s := range list {
				if (s.ID == id) != (s.Damaged != "") {
					t.Errorf("plan %d marked %q", s.ID, s.Damaged)
				}
			}
			if start, err := lib.StartPlan(ctx); start != other || err != nil {
				t.Errorf("start plan %d %v: the damaged last plan must not open", start, err)
			}
			p, damage, err := lib.RescuePlan(ctx, id)
			if err != nil || damage == nil || p == nil {
				t.Fatalf("rescue: %v %v", damage, err)
			}
			if got := c.rescueLen(p); got != c.rescued {
				t.Errorf("rescued plan: %d, want %d", got, c.rescued)
			}
			if err := lib.DeletePlan(ctx, id); err != nil {
				t.Fatalf("delete: %v", err)
			}
			if got, err := lib.LoadPlan(ctx, other); err != nil || !reflect.DeepEqual(got, v2Plan(t)) {
				t.Errorf("the other plan: %v", err)
			}
			if list, _ := lib.ListPlans(ctx); len(list) != 1 || list[0].ID != other || list[0].Damaged != "" {
				t.Errorf("list after delete: %+v", list)
			}
		})
	}
}

// A plan damaged by another program after it was listed is marked the
// next time: the list's memory of checked plans is forgotten when the
// file changes under it.
func TestDamageByAnotherProgramIsSeen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	id, _ := lib.CreatePlan(ctx, v2Plan(t))
	if list, _ := lib.ListPlans(ctx); len(list) != 1 || list[0].Damaged != "" {
		t.Fatalf("list: %+v", list)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("UPDATE plans SET document = json_set(document, '$.professions[0].wte_per_head', 0) WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	list, _ := lib.ListPlans(ctx)
	if len(list) != 1 || !strings.Contains(list[0].Damaged, "professions[0].wte_per_head") {
		t.Errorf("list after the damage: %+v", list)
	}
	// and saving a sound plan over it mends it
	if err := lib.SavePlan(ctx, id, v2Plan(t)); err != nil {
		t.Fatal(err)
	}
	if list, _ := lib.ListPlans(ctx); list[0].Damaged != "" {
		t.Errorf("list after the save: %+v", list)
	}
}

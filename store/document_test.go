package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
	"example.org/psyplan/planfile/planfiletest"
)

// v3Plan is the small plan with every field of model version 3 set, none
// at its default.
func v3Plan(t testing.TB) *plan.Plan {
	t.Helper()
	p := planfiletest.Small(t)
	p.QualifiersMove = true
	pwpHours, cbtHours := 1100.0, 900.5
	p.Professions[0].ClinicalHoursPerWTE = &pwpHours
	p.Professions[1].ClinicalHoursPerWTE = &cbtHours
	p.Demand = []plan.Demand{{ServiceArea: "Adult common mental health problems",
		PeoplePerYear:  []plan.PeoplePoint{{Month: plan.MonthOf(2021, 4), People: 1200}, {Month: plan.MonthOf(2024, 4), People: 1500.5}},
		HoursPerPerson: 7.5, Mix: []plan.MixShare{{Profession: "pwp", SharePct: 70}, {Profession: "cbt", SharePct: 30}}}}
	p.Budget = []plan.BudgetYear{{Year: 2020, GBP: 4.5e6}, {Year: 2021, GBP: 4750000.25}}
	off := false
	p.Scenarios[0].QualifiersMove = &off
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	return p
}

// Every field of plan file version 3 is stored and read back, and saving
// a plan without them leaves none behind, also after the library is
// closed and opened again.
func TestVersion3FieldsAreKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	national, small := plantest.NationalV3(), v3Plan(t)
	nid, err := lib.CreatePlan(ctx, national)
	if err != nil {
		t.Fatal(err)
	}
	sid, err := lib.CreatePlan(ctx, planfiletest.Small(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.SavePlan(ctx, sid, small); err != nil {
		t.Fatal(err)
	}
	check := func(lib *Library, id int64, want *plan.Plan) {
		t.Helper()
		got, err := lib.LoadPlan(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("plan %d: loaded %+v\nwant %+v", id, got.Demand, want.Demand)
		}
	}
	check(lib, nid, national)
	check(lib, sid, small)
	lib.Close()

	lib, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	check(lib, nid, national)
	check(lib, sid, small)
	if list, err := lib.ListPlans(ctx); err != nil || len(list) != 2 || list[0].Damaged != "" || list[1].Damaged != "" {
		t.Errorf("list: %+v %v", list, err)
	}
	// saved over by plans without them, then with them again
	for _, c := range []struct {
		id int64
		p  *plan.Plan
	}{{sid, planfiletest.Small(t)}, {nid, small}, {sid, small}, {nid, national}} {
		if err := lib.SavePlan(ctx, c.id, c.p); err != nil {
			t.Fatal(err)
		}
		check(lib, c.id, c.p)
	}
	if p := planfiletest.Small(t); p.QualifiersMove || p.Professions[0].ClinicalHoursPerWTE != nil || p.Demand != nil ||
		p.Budget != nil || p.Scenarios[0].QualifiersMove != nil {
		t.Error("the small plan sets version 3 fields, so their absence is not tested")
	}
}

// legacyRows counts the rows an older library kept of plan id, in every
// table.
func legacyRows(t *testing.T, lib *Library, id int64) int {
	t.Helper()
	var n int
	err := lib.db.QueryRow(`SELECT
		(SELECT COUNT(*) FROM plan_uncertainty WHERE plan_id = ?1) +
		(SELECT COUNT(*) FROM professions WHERE plan_id = ?1) +
		(SELECT COUNT(*) FROM post_lines WHERE plan_id = ?1) +
		(SELECT COUNT(*) FROM funded_changes c JOIN post_lines l ON l.id = c.post_line_id WHERE l.plan_id = ?1) +
		(SELECT COUNT(*) FROM cohorts WHERE plan_id = ?1) +
		(SELECT COUNT(*) FROM milestones WHERE plan_id = ?1) +
		(SELECT COUNT(*) FROM actuals WHERE plan_id = ?1) +
		(SELECT COUNT(*) FROM scenarios WHERE plan_id = ?1) +
		(SELECT COUNT(*) FROM scenario_professions o JOIN scenarios s ON s.id = o.scenario_id WHERE s.plan_id = ?1) +
		(SELECT COUNT(*) FROM scenario_posts o JOIN scenarios s ON s.id = o.scenario_id WHERE s.plan_id = ?1)`, id).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func hasDocument(t *testing.T, lib *Library, id int64) bool {
	t.Helper()
	var has bool
	if err := lib.db.QueryRow("SELECT document IS NOT NULL FROM plans WHERE id = ?", id).Scan(&has); err != nil {
		t.Fatal(err)
	}
	return has
}

// A library of the PsyPlan before documents (migrations 1 to 4, plans
// written by the code of then), opened by this one: a copy is kept beside
// it; every sound plan is converted and loads exactly as it was saved,
// its rows gone; a damaged plan stays in its rows, listed as damaged with
// its reason, rescued as far as it goes, deletable, and mended by saving
// a sound plan over it. Roll-ups and settings come through.
func TestOlderLibraryIsConvertedToDocuments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	def, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	// an older library held no version 3 field
	def.QualifiersMove, def.Demand, def.Budget = false, nil, nil
	for i := range def.Professions {
		def.Professions[i].ClinicalHoursPerWTE = nil
	}
	for i := range def.Scenarios {
		def.Scenarios[i].QualifiersMove = nil
	}
	if errs := plan.Validate(def); errs != nil {
		t.Fatal(errs)
	}
	zeroBand := v2Plan(t)
	zeroBand.Uncertainty = &plan.Uncertainty{}
	sound := []*plan.Plan{planfiletest.Small(t), v2Plan(t), zeroBand, def, plantest.NationalV2()}
	plans := append(append([]*plan.Plan{}, sound...), v2Plan(t), v2Plan(t))
	ids := legacyLibrary(t, path, plans, func(ids []int64) []string {
		ruleBroken, rowBroken := ids[len(sound)], ids[len(sound)+1]
		return []string{
			fmt.Sprintf("UPDATE post_lines SET profession = 'ghost' WHERE plan_id = %d AND pos = 1", ruleBroken),
			fmt.Sprintf("UPDATE cohorts SET completion_pct = 'ninety' WHERE plan_id = %d AND scenario_id IS NULL AND pos = 1", rowBroken),
			"INSERT INTO rollups VALUES (1, 'Region', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
			fmt.Sprintf("INSERT INTO rollup_members VALUES (1, 0, %d, 'Lower attrition')", ids[0]),
			fmt.Sprintf("INSERT INTO rollup_members VALUES (1, 1, %d, '')", ids[1]),
			fmt.Sprintf("INSERT INTO settings VALUES ('last_plan', '%d')", ruleBroken),
		}
	})
	ruleBroken, rowBroken := ids[len(sound)], ids[len(sound)+1]

	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := lib.SchemaVersion(ctx); v != len(migrationFiles) || v < documentVersion {
		t.Errorf("version %d, want %d", v, len(migrationFiles))
	}
	for i, want := range sound {
		got, err := lib.LoadPlan(ctx, ids[i])
		if err != nil {
			t.Fatalf("plan %d lost in the conversion: %v", ids[i], err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("plan %d %q changed in the conversion", ids[i], want.Name)
		}
		if !hasDocument(t, lib, ids[i]) || legacyRows(t, lib, ids[i]) != 0 {
			t.Errorf("plan %d was not converted to its document", ids[i])
		}
	}

	// the damaged plans: kept as they were, listed, explained, rescued
	reasons := map[int64]string{ruleBroken: `posts[1].profession: "ghost" is not a profession of this plan`,
		rowBroken: `cohorts row 1: completion_pct is "ninety", not a number; the row is left out`}
	list, err := lib.ListPlans(ctx)
	if err != nil || len(list) != len(plans) {
		t.Fatalf("list: %+v %v", list, err)
	}
	for _, s := range list {
		if want := reasons[s.ID]; !strings.Contains(s.Damaged, want) || (want == "") != (s.Damaged == "") {
			t.Errorf("plan %d listed as damaged %q, want %q", s.ID, s.Damaged, want)
		}
	}
	for id, reason := range reasons {
		if hasDocument(t, lib, id) || legacyRows(t, lib, id) == 0 {
			t.Errorf("damaged plan %d was changed", id)
		}
		var damage *DamagedError
		if _, err := lib.LoadPlan(ctx, id); !errors.As(err, &damage) || damage.ID != id || !strings.Contains(err.Error(), reason) {
			t.Errorf("LoadPlan(%d): %v", id, err)
		}
		p, damage, err := lib.RescuePlan(ctx, id)
		if err != nil || damage == nil || p.Name != v2Plan(t).Name || len(p.Posts) != 2 {
			t.Fatalf("rescue %d: %+v %v", id, damage, err)
		}
		if _, err := planfile.Write(p); err != nil {
			t.Errorf("the rescued plan cannot be exported: %v", err)
		}
	}
	if start, err := lib.StartPlan(ctx); err != nil || start == ruleBroken || start == rowBroken || start == 0 {
		t.Errorf("start plan %d %v: the damaged last plan must not open", start, err)
	}
	if last, _ := lib.LastPlan(ctx); last != ruleBroken {
		t.Errorf("last plan %d, want %d", last, ruleBroken)
	}

	// the roll-up of then still rolls its plans up, by the scenario too
	if _, ms, err := lib.RollupPlans(ctx, 1); err != nil || len(ms) != 2 || ms[0].Scenario != "Lower attrition" {
		t.Errorf("roll-up after the conversion: %+v %v", ms, err)
	}
	// a damaged plan in rows is checked by its rows' scenarios
	if _, err := lib.CreateRollup(ctx, "Damaged", []RollupMember{{PlanID: ruleBroken, Scenario: "No waiting"}}); err != nil {
		t.Errorf("a damaged plan's scenario in rows: %v", err)
	}
	if _, err := lib.CreateRollup(ctx, "Nope", []RollupMember{{PlanID: ruleBroken, Scenario: "Nope"}}); err == nil ||
		!strings.Contains(err.Error(), `has no scenario "Nope"`) {
		t.Errorf("a damaged plan's missing scenario: %v", err)
	}

	// opened again: nothing more is copied or converted
	lib.Close()
	if lib, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	copies, _ := filepath.Glob(path + ".v*.bak")
	if len(copies) != 1 || !strings.Contains(copies[0], ".v4-") {
		t.Fatalf("copies beside the library: %v", copies)
	}
	if list, _ := lib.ListPlans(ctx); len(list) != len(plans) || hasDocument(t, lib, ruleBroken) {
		t.Errorf("opened again: %+v", list)
	}

	// the copy is the library as it was, every plan in its rows
	backup, err := openWith(copies[0], migrationFiles[:documentVersion-1])
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	var kept int
	backup.db.QueryRow("SELECT COUNT(DISTINCT plan_id) FROM professions").Scan(&kept)
	if v, _ := backup.SchemaVersion(ctx); v != documentVersion-1 || kept != len(plans) {
		t.Errorf("the copy is at version %d with %d plans in rows", v, kept)
	}

	// mended by a save, deleted: no rows of then are left
	if err := lib.SavePlan(ctx, ruleBroken, v2Plan(t)); err != nil {
		t.Fatal(err)
	}
	if got, err := lib.LoadPlan(ctx, ruleBroken); err != nil || !reflect.DeepEqual(got, v2Plan(t)) ||
		!hasDocument(t, lib, ruleBroken) || legacyRows(t, lib, ruleBroken) != 0 {
		t.Errorf("the mended plan: %v", err)
	}
	if err := lib.DeletePlan(ctx, rowBroken); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"plan_uncertainty", "professions", "post_lines", "funded_changes", "cohorts", "milestones",
		"actuals", "scenarios", "scenario_professions", "scenario_posts"} {
		var n int
		if lib.db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); n != 0 {
			t.Errorf("%d rows left in %s", n, table)
		}
	}
}

// documentLibrary holds two copies of the v2 plan as documents, then
// damages the first with raw SQL as statements say (PLAN is its id).
func documentLibrary(t *testing.T, statements ...string) (lib *Library, damaged, other int64) {
	t.Helper()
	lib = openTemp(t)
	var err error
	if damaged, err = lib.CreatePlan(ctx, v2Plan(t)); err != nil {
		t.Fatal(err)
	}
	if other, err = lib.CreatePlan(ctx, v2Plan(t)); err != nil {
		t.Fatal(err)
	}
	for _, s := range statements {
		rawSQL(t, lib, strings.ReplaceAll(s, "PLAN", strconv.FormatInt(damaged, 10)))
	}
	return lib, damaged, other
}

// A plan's document damaged by another program is refused on opening with
// a message naming the field, marked in the list, readable as far as it
// goes (a document that cannot be read at all gives the name, area and
// months the library lists), exportable and deletable; the other plan of
// the library is untouched.
func TestDamagedDocuments(t *testing.T) {
	asListed := func(t *testing.T, p *plan.Plan) {
		v2 := v2Plan(t)
		want := &plan.Plan{Name: v2.Name, Area: v2.Area, Baseline: v2.Baseline, Horizon: v2.Horizon}
		if !reflect.DeepEqual(p, want) {
			t.Errorf("rescued %+v, want only what the library lists", p)
		}
	}
	cases := []struct {
		name    string
		damage  string
		want    []string
		rescued func(*testing.T, *plan.Plan)
	}{
		{"cut short", "UPDATE plans SET document = substr(document, 1, 300) WHERE id = PLAN",
			[]string{"plans row: document is not a plan file: line "}, asListed},
		{"not UTF-8", "UPDATE plans SET document = X'7BFF7D' WHERE id = PLAN",
			[]string{"plans row: document is not a plan file: line 1, column 2: the file is not UTF-8 text"}, asListed},
		{"not an object", "UPDATE plans SET document = 42 WHERE id = PLAN",
			[]string{"plans row: document: this is not a PsyPlan plan file: it must be a JSON object"}, asListed},
		{"another program's JSON", `UPDATE plans SET document = json_set(document, '$.format', 'spreadsheet') WHERE id = PLAN`,
			[]string{"format: this is not a PsyPlan plan file"}, asListed},
		{"a formula in a service area and negative WTE",
			`UPDATE plans SET document = json_set(document, '$.posts[1].service_area', '=HYPERLINK(1)', '$.posts[1].in_post_wte', -5) WHERE id = PLAN`,
			[]string{`posts[1].service_area: "=HYPERLINK(1)" must not begin with =`, "posts[1].in_post_wte: -5"},
			func(t *testing.T, p *plan.Plan) {
				if len(p.Posts) != 2 || p.Posts[1].InPostWTE != -5 || len(p.Cohorts) != len(v2Plan(t).Cohorts) {
					t.Errorf("rescued %+v", p.Posts)
				}
			}},
		{"text where a number belongs",
			`UPDATE plans SET document = json_set(document, '$.cohorts[1].completion_pct', 'ninety') WHERE id = PLAN`,
			[]string{"cohorts[1].completion_pct: "},
			func(t *testing.T, p *plan.Plan) {
				if want := v2Plan(t); len(p.Cohorts) != len(want.Cohorts) || p.Cohorts[1].Intake != want.Cohorts[1].Intake {
					t.Errorf("rescued %+v", p.Cohorts)
				}
			}},
		{"a version 3 field broken",
			`UPDATE plans SET document = json_set(document, '$.budget', json('[{"financial_year": "2021/22", "gbp": -1}]')) WHERE id = PLAN`,
			[]string{"budget[0].gbp: -1"},
			func(t *testing.T, p *plan.Plan) {
				if len(p.Budget) != 1 || p.Budget[0].Year != 2021 || len(p.Professions) != 2 {
					t.Errorf("rescued %+v", p.Budget)
				}
			}},
		{"listed name and months not the plan's",
			"UPDATE plans SET name = 'Renamed elsewhere', baseline_month = '2019-03' WHERE id = PLAN",
			[]string{`plans row: name is "Renamed elsewhere", but the plan's document says "North`,
				`plans row: baseline_month is "2019-03", but the plan's document says "2020-03"`},
			func(t *testing.T, p *plan.Plan) {
				if !reflect.DeepEqual(p, v2Plan(t)) {
					t.Errorf("rescued %+v", p)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lib, id, other := documentLibrary(t, c.damage)
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
				if (s.ID == id) != (s.Damaged != "") || (s.ID == id && !strings.Contains(s.Damaged, c.want[0])) {
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
			c.rescued(t, p)
			if _, err := planfile.Write(p); err != nil {
				t.Errorf("the rescued plan cannot be exported: %v", err)
			}
			if err := lib.DeletePlan(ctx, id); err != nil {
				t.Fatalf("delete: %v", err)
			}
			if _, err := lib.LoadPlan(ctx, id); !errors.Is(err, ErrNotFound) {
				t.Errorf("deleted plan: %v", err)
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

// A roll-up checks a member's scenario in its document; one whose
// document is not JSON is refused as damaged, and a sound save mends it.
func TestRollupOfADamagedDocument(t *testing.T) {
	lib, id, other := documentLibrary(t, "UPDATE plans SET document = 'not JSON' WHERE id = PLAN")
	members := []RollupMember{{PlanID: other}, {PlanID: id, Scenario: "Lower attrition"}}
	if _, err := lib.CreateRollup(ctx, "R", members); err == nil || !strings.Contains(err.Error(), "is damaged") {
		t.Errorf("a damaged member: %v", err)
	}
	if err := lib.SavePlan(ctx, id, v2Plan(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.CreateRollup(ctx, "R", members); err != nil {
		t.Errorf("the mended member: %v", err)
	}
	if list, _ := lib.ListPlans(ctx); list[0].Damaged != "" || list[1].Damaged != "" {
		t.Errorf("list after the save: %+v", list)
	}
}

// A conversion cut short (the program killed after the migration, before
// or while converting) is finished the next time the library is opened.
func TestConversionCutShortIsFinished(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	ids := legacyLibrary(t, path, []*plan.Plan{planfiletest.Small(t), v2Plan(t)}, nil)
	old, err := openWith(path, migrationFiles[:documentVersion-1])
	if err != nil {
		t.Fatal(err)
	}
	m := migrationFiles[documentVersion-1]
	rawSQL(t, old, m.sql, fmt.Sprintf("INSERT INTO schema_migrations VALUES (%d, '%s', '2025-01-01T00:00:00Z')", m.version, m.name))
	old.Close()

	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	for i, want := range []*plan.Plan{planfiletest.Small(t), v2Plan(t)} {
		if got, err := lib.LoadPlan(ctx, ids[i]); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("plan %d: %v", ids[i], err)
		}
		if !hasDocument(t, lib, ids[i]) || legacyRows(t, lib, ids[i]) != 0 {
			t.Errorf("plan %d was not converted", ids[i])
		}
	}
}

// The library keeps a plan's file compact (a third smaller than laid
// out), reads it as the laid-out one libraries of before kept, and finds
// a plan opened from outside in either.
func TestDocumentIsCompactAndFoundEitherWay(t *testing.T) {
	lib := openTemp(t)
	p := planfiletest.Small(t)
	id, err := lib.CreatePlan(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	compact, _ := planfile.Compact(p)
	laidOut, _ := planfile.Write(p)
	var doc string
	if err := lib.db.QueryRow("SELECT document FROM plans WHERE id = ?", id).Scan(&doc); err != nil {
		t.Fatal(err)
	}
	if doc != string(compact) || len(compact)*5 > len(laidOut)*4 {
		t.Fatalf("kept %d bytes; compact is %d, laid out %d", len(doc), len(compact), len(laidOut))
	}
	for _, form := range []string{string(compact), string(laidOut)} {
		if _, err := lib.db.Exec("UPDATE plans SET document = ? WHERE id = ?", form, id); err != nil {
			t.Fatal(err)
		}
		got, err := lib.LoadPlan(ctx, id)
		if err != nil || !reflect.DeepEqual(got, p) {
			t.Fatalf("read back: %v", err)
		}
		if found, err := lib.FindSame(ctx, p); err != nil || found != id {
			t.Errorf("found %d, %v; want %d", found, err, id)
		}
	}
	p.Name += " changed"
	if found, err := lib.FindSame(ctx, p); err != nil || found != 0 {
		t.Errorf("another plan found as %d, %v", found, err)
	}
}

package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
)

// exampleDemand gives the default England plan illustrative clinical
// hours, access targets for three service areas and a budget around its
// pay bill (over it from 2027/28), as a planner would type them.
func exampleDemand(t testing.TB, ui *UI) {
	t.Helper()
	err := ui.session.Edit("", func(p *plan.Plan) error {
		hours := map[string]float64{"pwp": 1000, "cbt-therapist": 900, "counsellor": 900, "clinical-psychologist": 800,
			"family-therapist": 800, "cwp": 900, "emhp": 900}
		for i := range p.Professions {
			if h, ok := hours[p.Professions[i].ID]; ok {
				p.Professions[i].ClinicalHoursPerWTE = &h
			}
		}
		m := plan.MonthOf
		p.Demand = []plan.Demand{
			{ServiceArea: "Adult common mental health problems", HoursPerPerson: 8,
				PeoplePerYear: []plan.PeoplePoint{{Month: m(2020, 4), People: 600000}, {Month: m(2024, 4), People: 800000}, {Month: m(2029, 3), People: 1000000}},
				Mix:           []plan.MixShare{{Profession: "pwp", SharePct: 45}, {Profession: "cbt-therapist", SharePct: 40}, {Profession: "counsellor", SharePct: 15}}},
			{ServiceArea: "Perinatal", HoursPerPerson: 12,
				PeoplePerYear: []plan.PeoplePoint{{Month: m(2020, 4), People: 12000}, {Month: m(2029, 3), People: 30000}},
				Mix:           []plan.MixShare{{Profession: "clinical-psychologist", SharePct: 50}, {Profession: "cbt-therapist", SharePct: 20}, {Profession: "family-therapist", SharePct: 30}}},
			{ServiceArea: "Children and young people", HoursPerPerson: 10,
				PeoplePerYear: []plan.PeoplePoint{{Month: m(2020, 4), People: 200000}, {Month: m(2024, 4), People: 300000}, {Month: m(2029, 3), People: 345000}},
				Mix:           []plan.MixShare{{Profession: "cwp", SharePct: 40}, {Profession: "emhp", SharePct: 40}, {Profession: "clinical-psychologist", SharePct: 20}}},
		}
		pr, err := plan.Project(p, "")
		if err != nil {
			return err
		}
		for _, b := range plan.MakeBudget(p, pr) {
			if f := map[int]float64{2024: 1.03, 2025: 1.02, 2026: 1.0, 2027: 0.98, 2028: 0.97}[b.Year]; f > 0 {
				p.Budget = append(p.Budget, plan.BudgetYear{Year: b.Year, GBP: float64(int(b.PayCost*f/1e5)) * 1e5})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Pictures of the demand screens, for people to look at: set
// PSYPLAN_DEMAND_SHOTS to a folder. Drawn by Fyne's software painter, at
// 1920 x 1080 and 1280 x 720.
func TestDemandScreenshots(t *testing.T) {
	dir := os.Getenv("PSYPLAN_DEMAND_SHOTS")
	if dir == "" {
		t.Skip("PSYPLAN_DEMAND_SHOTS not set")
	}
	ui, _, _ := newTestUI(t)
	exampleDemand(t, ui)
	shot := func(name string) {
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, ui.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	tab := func(name string) {
		for i, v := range ui.views {
			if v.name == name {
				ui.tabs.SelectIndex(i)
				if v.first != nil {
					v.first()
				}
			}
		}
	}
	sizes := []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}}
	for _, size := range sizes {
		ui.win.Resize(size)
		suffix := "-" + fmtSize(size)
		tab("Demand")
		shot("demand" + suffix)
		tab("Professions")
		shot("professions" + suffix)
		tab("Trajectory")
		shot("settings" + suffix)
		tab("Overview")
		for _, k := range charts.Kinds {
			if k.Name == "demand" || k.Name == "demand-wte" || k.Name == "cost" {
				ui.overview.kindSel.SetSelected(k.Title)
				shot("chart-" + k.Name + suffix)
			}
		}
		ui.overview.kindSel.SetSelected(charts.Kinds[0].Title)
		tab("Scenarios")
		shot("scenarios" + suffix)
	}
	// a draft: the mix adding up to 95
	ui.win.Resize(sizes[0])
	tab("Demand")
	ui.demand.mix.selectFirst()
	retype(labelledEntry(t, ui.demand.object, "Share of the hours %"), "40")
	shot("demand-draft")
	ui.demand.discardDraft()
	// the slides last: the slides' theme stays with the test's canvas
	for _, size := range sizes {
		ui.win.Resize(size)
		ui.present()
		ps := ui.presenting
		for ps.kinds[ps.slide].Name != "demand" {
			ps.move(1)
		}
		shot("slide-demand-" + fmtSize(size))
		ps.move(1)
		shot("slide-demand-wte-" + fmtSize(size))
		ui.leavePresentation()
	}
}

func fmtSize(s fyne.Size) string {
	return map[bool]string{true: "1920", false: "1280"}[s.Width > 1500]
}

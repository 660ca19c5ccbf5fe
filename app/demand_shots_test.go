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

// exampleBudget gives the default England plan (which has access
// targets of its own) a budget around its pay bill, over it from 2027/28.
func exampleBudget(t testing.TB, ui *UI) {
	t.Helper()
	err := ui.session.Edit("", func(p *plan.Plan) error {
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
	exampleBudget(t, ui)
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
	tab := func(name string) { // with its first record in the form
		if v := showTab(t, ui, name); v.first != nil {
			v.first()
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
				ui.overview.kindSel.SetSelected(k.Menu)
				shot("chart-" + k.Name + suffix)
			}
		}
		ui.overview.kindSel.SetSelected(charts.Kinds[0].Menu)
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

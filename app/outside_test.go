package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"example.org/psyplan/exchange"
)

// A plan file opened from outside: a plan the library does not hold is
// offered to add (the title asks; "Add" stores it whole and opens it); the
// same file again opens that plan without asking; a broken file is
// refused naming the problem, and nothing is stored.
func TestPlanFromOutsideIsAddedOnceThenOpened(t *testing.T) {
	ui, _, path := newTestUI(t)
	p, _ := exchange.DefaultPlan()
	p.Name = "North ICS plan"
	file := filepath.Join(filepath.Dir(path), "North ICS plan.psyplan")
	if err := (exchange.Export{Format: "json"}).Write(file, p); err != nil {
		t.Fatal(err)
	}
	before, _ := ui.lib.ListPlans(context.Background())
	ui.openOutside(file)
	if got := ui.win.Title(); got != `Add "North ICS plan"? - PsyPlan` {
		t.Errorf("title while asking %q", got)
	}
	if text := overlayText(ui.win); !strings.Contains(text, `Add "North ICS plan" to your library?`) {
		t.Fatalf("the question: %q", text)
	}
	test.Tap(button(t, ui.win.Canvas().Overlays().Top(), "Add"))
	after, _ := ui.lib.ListPlans(context.Background())
	if len(after) != len(before)+1 || ui.session.Plan() == nil || ui.session.Plan().Name != "North ICS plan" {
		t.Fatalf("added and opened: %d plans, open %+v", len(after), ui.session.Plan())
	}
	// Again: the library holds it, so it opens with no question.
	ui.openStartPlan()
	ui.openOutside(file)
	if ui.win.Canvas().Overlays().Top() != nil {
		t.Errorf("asked again: %q", overlayText(ui.win))
	}
	if again, _ := ui.lib.ListPlans(context.Background()); len(again) != len(after) || ui.session.Plan().Name != "North ICS plan" {
		t.Errorf("%d plans, open %q", len(again), ui.session.Plan().Name)
	}
	os.WriteFile(file, []byte(`{"format": "psyplan-plan", "version": 3, "name": ""}`), 0o600)
	ui.openOutside(file)
	if text := overlayText(ui.win); !strings.Contains(text, "was not opened; nothing was stored") || !strings.Contains(text, "baseline_month: is required") {
		t.Errorf("a broken file: %q", text)
	}
	if again, _ := ui.lib.ListPlans(context.Background()); len(again) != len(after) {
		t.Errorf("a broken file stored something")
	}
}

// A changed copy of a plan the library has, opened from outside, is added
// under a name of its own ("NAME (imported 4 Dec 2026)"), so the two can
// be told apart in the list.
func TestAChangedCopyFromOutsideIsNamedApart(t *testing.T) {
	ui, _, path := newTestUI(t)
	p := ui.session.Plan().Clone()
	p.Posts[0].InPostWTE += 5 // a copy someone changed
	file := filepath.Join(filepath.Dir(path), "copy.psyplan")
	if err := (exchange.Export{Format: "json"}).Write(file, p); err != nil {
		t.Fatal(err)
	}
	ui.openOutside(file)
	test.Tap(button(t, ui.win.Canvas().Overlays().Top(), "Add"))
	want := exchange.ImportedName(p.Name, map[string]bool{p.Name: true}, time.Now())
	if got := ui.session.Plan().Name; got != want || got == p.Name {
		t.Errorf("the copy is named %q, want %q", got, want)
	}
}

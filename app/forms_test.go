package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
)

// formsPlan is an LTP blank plan with two professions and a post line of
// each: CBT therapists in Perinatal, PWPs in Older adults.
func formsPlan() *plan.Plan {
	p := ltpPlan("Forms ICS")
	p.Professions = []plan.Profession{
		{ID: "cbt", Name: "CBT therapist", WTEPerHead: 1, LeaverRatePct: 10},
		{ID: "pwp", Name: "PWP", WTEPerHead: 1, LeaverRatePct: 10},
	}
	p.Posts = []plan.PostLine{
		{Profession: "cbt", ServiceArea: "Perinatal", InPostWTE: 40, FundedWTE: 50},
		{Profession: "pwp", ServiceArea: "Older adults", InPostWTE: 20, FundedWTE: 20},
	}
	return p
}

func openForms(t *testing.T, p *plan.Plan) *UI {
	t.Helper()
	ui, _, _ := newTestUI(t)
	if err := ui.library.create(p); err != nil {
		t.Fatal(err)
	}
	return ui
}

// changesTable is the post line form's table of funded-post changes.
func changesTable(t *testing.T, ui *UI) *recordTable {
	t.Helper()
	for _, part := range ui.posts.parts {
		if part.table != nil {
			return part.table
		}
	}
	t.Fatal("the post line form has no funded-post changes")
	return nil
}

// Issue 20, 1: "Sep 2021 +10, Sep 2022 +10" is typed as two changes, one
// field at a time, and each is kept as typed; a change can be deleted.
func TestFundedPostChangesAreTypedAsAList(t *testing.T) {
	ui := openForms(t, formsPlan())
	ui.posts.table.Select(widget.TableCellID{Row: 0, Col: 0})
	changes := changesTable(t, ui)

	test.Tap(button(t, ui.posts.object, "Add change"))
	retype(entry(t, changes, "Month"), "Sep 2021")
	retype(entry(t, changes, "Change (WTE)"), "+10")
	test.Tap(button(t, ui.posts.object, "Add change")) // the same again a year later
	got := ui.session.Plan().Posts[0].Changes
	want := []plan.FundedChange{{Month: plan.MonthOf(2021, 9), FundedWTEDelta: 10}, {Month: plan.MonthOf(2022, 9), FundedWTEDelta: 10}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("changes %+v, want %+v", got, want)
	}
	if e := entry(t, changes, "Month"); e.Text != "Sep 2022" {
		t.Errorf("the new change's month shows %q", e.Text)
	}
	// 50 + 20 funded (both lines), +10 in Sep 2021, +10 more in Sep 2022
	pr := ui.session.Projection()
	for _, c := range []struct {
		m      plan.Month
		funded float64
	}{{plan.MonthOf(2021, 8), 70}, {plan.MonthOf(2021, 9), 80}, {plan.MonthOf(2022, 9), 90}} {
		if f := pr.Total[pr.Index(c.m)].Funded; f != c.funded {
			t.Errorf("funded in %s: %v, want %v", c.m.Label(), f, c.funded)
		}
	}
	if cell := postsCell(t, ui, "Funded-post changes"); cell != "Sep 2021 +10, Sep 2022 +10" {
		t.Errorf("the posts table says %q", cell)
	}

	// a month before the baseline is refused, with the column's title
	retype(entry(t, changes, "Month"), "Sep 2019")
	if msg := changes.message.Text; !strings.HasPrefix(msg, "Month: ") || !strings.Contains(msg, "after the baseline") {
		t.Errorf("message %q", msg)
	}
	if m := ui.session.Plan().Posts[0].Changes[1].Month; m != plan.MonthOf(2022, 9) {
		t.Errorf("a refused month was kept: %s", m.Label())
	}

	changes.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(button(t, ui.posts.object, "Delete change"))
	got = ui.session.Plan().Posts[0].Changes
	if len(got) != 1 || got[0] != want[1] {
		t.Errorf("after deleting the first: %+v", got)
	}

	// another post line shows its own changes: none
	ui.posts.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if n := changes.def.count(ui.session.Plan()); n != 0 || changes.selected != -1 {
		t.Errorf("the second line shows %d changes, change %d chosen", n, changes.selected)
	}
}

// Issue 20, 9: a value with more decimals than anyone types shows to one
// decimal, and the plan keeps it exactly until the field is typed in.
func TestFormsShowImportedNumbersAsAPlannerReadsThem(t *testing.T) {
	p := formsPlan()
	p.Posts[0].InPostWTE = 6.479988310272424
	p.Professions[0].WTEPerHead = 0.8986608064917128
	p.Professions[0].LeaverRatePct = 12.25
	ui := openForms(t, p)
	ui.posts.table.Select(widget.TableCellID{Row: 0, Col: 0})
	profs := screen(t, ui, "Professions")
	walk(profs, func(o fyne.CanvasObject) {
		if tb, ok := o.(*widget.Table); ok {
			tb.Select(widget.TableCellID{Row: 0, Col: 0})
		}
	})
	if got := entry(t, ui.posts, "In post (WTE)").Text; got != "6.5" {
		t.Errorf("in post shows %q, want 6.5", got)
	}
	if got := labelledEntry(t, profs, "WTE per head").Text; got != "0.9" {
		t.Errorf("WTE per head shows %q, want 0.9", got)
	}
	if got := labelledEntry(t, profs, "Leaver rate % a year").Text; got != "12.25" {
		t.Errorf("a typed rate shows %q, want 12.25 as typed", got)
	}
	retype(entry(t, ui.posts, "Funded (WTE)"), "55") // another field: these stay exact
	if got := ui.session.Plan(); got.Posts[0].InPostWTE != 6.479988310272424 || got.Professions[0].WTEPerHead != 0.8986608064917128 {
		t.Errorf("untouched fields rounded the plan: %v, %v", got.Posts[0].InPostWTE, got.Professions[0].WTEPerHead)
	}
	if got := entry(t, ui.posts, "In post (WTE)").Text; got != "6.5" {
		t.Errorf("in post shows %q after another edit", got)
	}
	retype(entry(t, ui.posts, "In post (WTE)"), "6.48012")
	if e := entry(t, ui.posts, "In post (WTE)"); ui.session.Plan().Posts[0].InPostWTE != 6.48012 || e.Text != "6.48012" {
		t.Errorf("typed 6.48012: plan %v, field %q", ui.session.Plan().Posts[0].InPostWTE, e.Text)
	}
}

func TestForFormRoundsOnlyWhatNobodyTypes(t *testing.T) {
	for in, want := range map[string]string{"12": "12", "0.75": "0.75", "12.125": "12.125", "0.8986608064917128": "0.9",
		"6.479988310272424": "6.5", "40.00000000001": "40", "-0.0000001": "0", "Sep 2021": "Sep 2021", "": ""} {
		if got := forForm(in); got != want {
			t.Errorf("forForm(%q) = %q, want %q", in, got, want)
		}
	}
}

// Issue 20, 8: a refused value put back in its field says so, naming the
// field, what was typed and why.
func TestARefusedValuePutBackSaysSo(t *testing.T) {
	ui := openForms(t, formsPlan())
	ui.posts.table.Select(widget.TableCellID{Row: 0, Col: 0})
	retype(entry(t, ui.posts, "In post (WTE)"), "-5")
	if got := ui.posts.message.Text; got != "In post (WTE): -5 is below 0" {
		t.Fatalf("message %q", got)
	}
	retype(entry(t, ui.posts, "Funded (WTE)"), "60")
	want := `In post (WTE) is back to 40: "-5" was not kept (-5 is below 0).`
	if got := ui.posts.message.Text; got != want || entry(t, ui.posts, "In post (WTE)").Text != "40" {
		t.Errorf("message %q, field %q; want %q", got, entry(t, ui.posts, "In post (WTE)").Text, want)
	}
	retype(entry(t, ui.posts, "Recruits a year"), "3") // typing elsewhere: said, it goes
	if got := ui.posts.message.Text; got != "" {
		t.Errorf("said again: %q", got)
	}
	// leaving the line for another says it too
	retype(entry(t, ui.posts, "Recruits a year"), "x")
	ui.posts.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if got := ui.posts.message.Text; !strings.HasPrefix(got, `Recruits a year: "x" was not kept (`) {
		t.Errorf("after choosing another line: %q", got)
	}
}

// Issue 20, 8: service areas are offered (the plan's and the Long Term
// Plan's five); a new one near an existing one is pointed out but kept.
func TestServiceAreasAreOfferedAndNearOnesSaid(t *testing.T) {
	p := formsPlan()
	p.Posts[1].ServiceArea = "Children and young people"
	p.Posts = append(p.Posts, plan.PostLine{Profession: "pwp", ServiceArea: "Memory clinic", InPostWTE: 1, FundedWTE: 1})
	ui := openForms(t, p)
	ui.posts.table.Select(widget.TableCellID{Row: 0, Col: 0})
	var area *widget.SelectEntry
	var options []string
	for i, c := range ui.posts.def.columns {
		if c.title == "Service area" {
			area, _ = ui.posts.fields[i].(*widget.SelectEntry)
			options = c.choices(ui.session.Plan()) // what fill gives the drop-down
		}
	}
	if area == nil {
		t.Fatal("the service area is not a choice")
	}
	has := map[string]bool{}
	for _, o := range options {
		has[o] = true
	}
	for _, want := range []string{"Perinatal", "Children and young people", "Adult common mental health problems",
		"Adult severe mental illness", "Older adults", "Memory clinic"} {
		if !has[want] {
			t.Errorf("%q not offered: %q", want, options)
		}
	}
	retype(&area.Entry, "CYP")
	if got := ui.session.Plan().Posts[0].ServiceArea; got != "CYP" {
		t.Errorf("service area %q: a new one is allowed", got)
	}
	if got := ui.posts.message.Text; !strings.Contains(got, `"CYP" is new to this plan and close to "Children and young people"`) {
		t.Errorf("message %q", got)
	}
	retype(&area.Entry, "memory Clinic")
	if got := ui.posts.message.Text; !strings.Contains(got, `close to "Memory clinic"`) {
		t.Errorf("message %q", got)
	}
	retype(&area.Entry, "Older adults")
	if got := ui.posts.message.Text; got != "" {
		t.Errorf("a name the plan already uses: %q", got)
	}
}

// Issue 20, 8: Add cohort copies the chosen line, not the first profession.
func TestANewCohortCopiesTheChosenLine(t *testing.T) {
	ui := openForms(t, formsPlan())
	ui.posts.table.Select(widget.TableCellID{Row: 1, Col: 0}) // PWP, Older adults
	test.Tap(button(t, ui.trainees.object, "Add cohort"))
	c := ui.session.Plan().Cohorts[0]
	if c.Profession != "pwp" || c.ServiceArea != "Older adults" || c.Start != plan.MonthOf(2020, 9) {
		t.Fatalf("first cohort %+v, want PWP in Older adults from Sep 2020", c)
	}
	retype(entry(t, ui.trainees, "Intake"), "7")
	test.Tap(button(t, ui.trainees.object, "Add cohort")) // the one chosen (the last) a year on
	ui.trainees.table.Select(widget.TableCellID{Row: 0, Col: 0})
	retype(entry(t, ui.trainees, "Intake"), "5")
	test.Tap(button(t, ui.trainees.object, "Add cohort")) // the first again, not the last
	cs := ui.session.Plan().Cohorts
	if len(cs) != 3 || cs[1].Start != plan.MonthOf(2021, 9) || cs[1].Intake != 7 || cs[2].Start != plan.MonthOf(2021, 9) || cs[2].Intake != 5 {
		t.Errorf("cohorts %+v", cs)
	}
}

// Issue 20, 4: a baseline typed after a milestone is refused in words
// under the field, and the milestone is kept.
func TestABaselineAfterAMilestoneIsPointedOut(t *testing.T) {
	ui := openForms(t, formsPlan())
	traj := screen(t, ui, "Trajectory")
	base := labelledEntry(t, traj, "Baseline month")
	retype(base, "Jan 2025")
	if got := ui.session.Plan(); got.Baseline != plan.MonthOf(2020, 3) || len(got.Trajectory.Milestones) != 1 {
		t.Fatalf("baseline %s, %d milestones", got.Baseline.Label(), len(got.Trajectory.Milestones))
	}
	var note string
	walk(traj, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.HasPrefix(l.Text, "The milestone of") {
			note = l.Text
		}
	})
	want := "The milestone of Apr 2024 (60 %) would be at or before a baseline of Jan 2025, so the baseline stays Mar 2020"
	if !strings.HasPrefix(note, want) {
		t.Errorf("note %q, want it to start %q", note, want)
	}
	// another setting typed: the baseline field shows what is kept, and says so
	retype(labelledEntry(t, traj, "Pay award % a year"), "2")
	if base.Text != "Mar 2020" {
		t.Errorf("baseline field %q", base.Text)
	}
	var said bool
	walk(traj, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() &&
			l.Text == `Baseline month is back to Mar 2020: "Jan 2025" was not kept (a milestone is at or before it).` {
			said = true
		}
	})
	if !said {
		t.Error("the baseline was put back without a word")
	}
	retype(base, "Jan 2021") // before the milestone: kept, and the note goes
	if got := ui.session.Plan().Baseline; got != plan.MonthOf(2021, 1) {
		t.Errorf("baseline %s", got.Label())
	}
	walk(traj, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.HasPrefix(l.Text, "The milestone of") {
			t.Errorf("note still says %q", l.Text)
		}
	})
}

// Issue 20, 7: the plan's area is typed in the plan's details, full width.
func TestTheAreaIsInThePlansDetails(t *testing.T) {
	ui := openForms(t, formsPlan())
	ui.tabs.SelectIndex(5)
	traj := screen(t, ui, "Trajectory")
	var area *widget.Entry
	walk(traj, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.PlaceHolder, "the ICS, region") {
			area = e
		}
	})
	if area == nil {
		t.Fatal("no area field in the plan's details")
	}
	retype(area, "North East and North Cumbria ICS")
	if got := ui.session.Plan().Area; got != "North East and North Cumbria ICS" {
		t.Errorf("area %q", got)
	}
	if w := area.Size().Width; w < 400 {
		t.Errorf("the area field is %v wide", w)
	}
	var name *widget.Entry
	walk(traj, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Text == "Forms ICS" {
			name = e
		}
	})
	if name == nil {
		t.Fatal("no plan name in the plan's details")
	}
	name.SetText("")
	var said string
	walk(traj, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.HasPrefix(l.Text, "Plan name: ") {
			said = l.Text
		}
	})
	if said == "" || ui.session.Plan().Name != "Forms ICS" {
		t.Errorf("a blank name: kept %q, said %q", ui.session.Plan().Name, said)
	}
	retype(name, "North ICS")
	if got := ui.session.Plan().Name; got != "North ICS" {
		t.Errorf("name %q", got)
	}
}

// postsCell is what the posts table shows for the first line's column.
func postsCell(t *testing.T, ui *UI, title string) string {
	t.Helper()
	for i, c := range ui.posts.def.columns {
		if c.title == title {
			l := widget.NewLabel("")
			ui.posts.updateCell(widget.TableCellID{Row: 0, Col: i}, l)
			return l.Text
		}
	}
	t.Fatalf("no column %q", title)
	return ""
}

// The post line form with its funded-post changes fits the window's
// first size, 1440 x 900, and the 1920 x 1080 of a laptop at full screen.
func TestThePostLineFormFitsTheWindow(t *testing.T) {
	ui, _, _ := newTestUI(t) // the default plan: 35 lines, each with changes
	ui.tabs.SelectIndex(1)
	ui.posts.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if n := len(ui.session.Plan().Posts[0].Changes); n == 0 {
		t.Fatal("the default plan's first line has no changes to show")
	}
	if min := ui.win.Content().MinSize(); min.Width > 1440 || min.Height > 900 {
		t.Errorf("the window needs %v x %v", min.Width, min.Height)
	}
}

// Issue 20, 7: a plan imported into a library that has a plan of its name
// is stored as "NAME (imported 4 Dec 2026)", today's date.
func TestAnImportedCopyIsNamedApart(t *testing.T) {
	ui, _, _ := newTestUI(t) // the library holds the default plan
	orig := ui.session.Plan()
	data, err := planfile.Write(orig)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plan.psyplan")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	id, err := ui.library.storeImport(file)
	if err != nil {
		t.Fatal(err)
	}
	plans, err := ui.lib.ListPlans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := orig.Name + " (imported " + time.Now().Format("2 Jan 2006") + ")"
	for _, e := range plans {
		if e.ID == id && e.Name != want {
			t.Errorf("imported copy named %q, want %q", e.Name, want)
		}
		if e.ID != id && e.Name != orig.Name {
			t.Errorf("the original is now %q", e.Name)
		}
	}
	if len(plans) != 2 {
		t.Errorf("%d plans", len(plans))
	}
}

// A form with no record shows no choice: undoing the line just added
// leaves the Profession empty, not the line's.
func TestFormWithNoRecordShowsNoChoice(t *testing.T) {
	ui := openForms(t, formsPlan())
	front(ui, ui.posts.object)
	test.Tap(button(t, ui.posts.object, "Add post line"))
	prof := labelled(t, ui.posts.object, "Profession").(*widget.Select)
	if prof.Selected == "" {
		t.Fatal("the new line shows no profession")
	}
	ui.session.Undo()
	if ui.posts.selected >= 0 || prof.Selected != "" || !prof.Disabled() {
		t.Errorf("after undo: row %d selected, profession %q, disabled %v", ui.posts.selected, prof.Selected, prof.Disabled())
	}
}

package app

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/plan"
)

// The model version 2 fields in the window: each typed where the planner
// sees it, refused with a message naming it, undone with the rest. The
// plan is small enough to work every figure by hand.

// handPlan: 10 PWPs in 10 funded posts at £12,000; a CBT line with no
// posts until 5 are funded in Jun 2021; 10 CBT trainees from Apr 2020 to
// Apr 2021, all completing and taking up; nobody leaves.
func handPlan() *plan.Plan {
	p := ltpPlan("Hand-worked")
	p.Horizon = plan.MonthOf(2022, 3)
	p.Professions = []plan.Profession{
		{ID: "pwp", Name: "PWP", WTEPerHead: 1, CostPerWTE: 12000, TraineeWTEPerHead: 1},
		{ID: "cbt", Name: "CBT therapist", WTEPerHead: 1, CostPerWTE: 24000, TraineeWTEPerHead: 1},
		{ID: "cp", Name: "Clinical psychologist", WTEPerHead: 1, TraineeWTEPerHead: 1},
	}
	p.Posts = []plan.PostLine{
		{Profession: "pwp", ServiceArea: "Perinatal", InPostWTE: 10, FundedWTE: 10},
		{Profession: "cbt", ServiceArea: "Perinatal",
			Changes: []plan.FundedChange{{Month: plan.MonthOf(2021, 6), FundedWTEDelta: 5}}},
	}
	p.Cohorts = []plan.Cohort{{Profession: "cbt", ServiceArea: "Perinatal", Start: plan.MonthOf(2020, 4),
		DurationMonths: 12, Intake: 10, CompletionPct: 100, TakeupPct: 100}}
	p.Scenarios = []plan.Scenario{{Name: "Waiting"}}
	return p
}

func openHandPlan(t *testing.T) *UI {
	t.Helper()
	ui, _, _ := newTestUI(t)
	if err := ui.library.create(handPlan()); err != nil {
		t.Fatal(err)
	}
	return ui
}

// total is the projection's total row at month m.
func total(t *testing.T, ui *UI, m plan.Month) plan.Row {
	t.Helper()
	pr := ui.session.Projection()
	if pr == nil || pr.Index(m) < 0 {
		t.Fatalf("no projection of %s", m)
	}
	return pr.Total[pr.Index(m)]
}

func sumUnplaced(ui *UI) float64 {
	s := 0.0
	for _, r := range ui.session.Projection().Total {
		s += r.Unplaced
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b)) }

// screen is the view called name.
func screen(t *testing.T, ui *UI, name string) fyne.CanvasObject {
	t.Helper()
	return showTab(t, ui, name).object // a screen is brought to the front to be used
}

// labelled is the control a form shows beside the label title: in a
// widget.Form or in a record table's form.
func labelled(t *testing.T, root fyne.CanvasObject, title string) fyne.CanvasObject {
	t.Helper()
	var found fyne.CanvasObject
	walk(root, func(o fyne.CanvasObject) {
		switch c := o.(type) {
		case *widget.Form:
			for _, it := range c.Items {
				if it.Text == title {
					found = it.Widget
					walk(it.Widget, func(o fyne.CanvasObject) { // the entry beside its explanation
						if e, ok := o.(*widget.Entry); ok {
							found = e
						}
					})
				}
			}
		case *fyne.Container:
			for i, o := range c.Objects {
				if l, ok := o.(*widget.Label); ok && l.Text == title && i+1 < len(c.Objects) {
					found = c.Objects[i+1]
					if box, ok := found.(*fyne.Container); ok { // the field with its explanation
						found = nil
						walk(box, func(o fyne.CanvasObject) {
							switch o.(type) {
							case *widget.Entry, *widget.SelectEntry, *widget.Select, *widget.Check:
								if found == nil {
									found = o
								}
							}
						})
					}
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no field %q", title)
	}
	return found
}

func labelledEntry(t *testing.T, root fyne.CanvasObject, title string) *widget.Entry {
	t.Helper()
	e, ok := labelled(t, root, title).(*widget.Entry)
	if !ok {
		t.Fatalf("%s is not typed in", title)
	}
	return e
}

// undoTo undoes one edit and checks the plan is back to want.
func undoTo(t *testing.T, ui *UI, what string, got func(p *plan.Plan) any, want any) {
	t.Helper()
	if !ui.session.Undo() {
		t.Fatalf("%s: nothing to undo", what)
	}
	if g := got(ui.session.Plan()); g != want {
		t.Errorf("%s after undo: %v, want %v", what, g, want)
	}
}

func TestProfessionTraineeFields(t *testing.T) {
	ui := openHandPlan(t)
	profs := screen(t, ui, "Professions")
	walk(profs, func(o fyne.CanvasObject) {
		if tb, ok := o.(*widget.Table); ok {
			tb.Select(widget.TableCellID{Row: 1, Col: 0}) // CBT therapist
		}
	})
	cbt := func(p *plan.Plan) *plan.Profession { return &p.Professions[1] }
	message := func() string {
		var m string
		walk(profs, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance {
				m = l.Text
			}
		})
		return m
	}
	may2020 := plan.MonthOf(2020, 5)
	if r := total(t, ui, may2020); r.TraineeWTE != 0 || r.PayCost != 10000 {
		t.Fatalf("before: trainee WTE %v, pay %v", r.TraineeWTE, r.PayCost)
	}
	// the form shows what the chosen row holds, even a value blank means
	if got := labelledEntry(t, profs, "Trainee WTE per head").Text; got != "1" {
		t.Errorf("trainee WTE per head shows %q, want 1", got)
	}
	// the table shows trainee figures only where trainees are paid
	shown := func(col int) string {
		var text string
		walk(profs, func(o fyne.CanvasObject) {
			if tb, ok := o.(*widget.Table); ok {
				l := widget.NewLabel("")
				tb.UpdateCell(widget.TableCellID{Row: 1, Col: col}, l)
				text = l.Text
			}
		})
		return text
	}
	if shown(5) != "no" || shown(6) != "–" || shown(7) != "–" {
		t.Errorf("unpaid trainees shown as %q %q %q", shown(5), shown(6), shown(7))
	}

	// salaried: ticking it counts the 10 trainees at 1 WTE each (0 set
	// before becomes 1); their cost is 0 until typed
	err := ui.session.Edit("", func(p *plan.Plan) error { cbt(p).TraineeWTEPerHead = 0; return nil })
	if err != nil {
		t.Fatal(err)
	}
	salaried, ok := labelled(t, profs, "Trainees salaried").(*widget.Check)
	if !ok {
		t.Fatal("trainees salaried is not a tick box")
	}
	test.Tap(salaried)
	if pr := cbt(ui.session.Plan()); !pr.TraineesSalaried || pr.TraineeWTEPerHead != 1 {
		t.Fatalf("after ticking: %+v", pr)
	}
	if r := total(t, ui, may2020); r.TraineeWTE != 10 || r.PayCost != 10000 {
		t.Errorf("salaried: trainee WTE %v, pay %v", r.TraineeWTE, r.PayCost)
	}

	// trainee cost: 10 x £30,000 / 12 = £25,000 a month more
	cost := labelledEntry(t, profs, "Trainee cost per WTE a year")
	retype(cost, "30,000")
	if r := total(t, ui, may2020); r.PayCost != 35000 {
		t.Errorf("with trainee cost: pay %v, want 35,000", r.PayCost)
	}
	if shown(5) != "yes" || shown(6) != "1" || shown(7) != "£30,000" {
		t.Errorf("salaried trainees shown as %q %q %q", shown(5), shown(6), shown(7))
	}
	cost.SetText("30,00")
	if got := message(); !strings.HasPrefix(got, `Trainee cost per WTE a year: "30,00" is not a number`) {
		t.Errorf("message %q", got)
	}
	cost.SetText("10,000,001")
	if got := message(); got != "Trainee cost per WTE a year: 10,000,001 is above 10,000,000" {
		t.Errorf("message %q", got)
	}
	if cbt(ui.session.Plan()).TraineeCostPerWTE != 30000 {
		t.Error("a refused cost was kept")
	}

	// trainee WTE per head: 10 trainees x 0.5 = 5 WTE, paid 5 x 30,000 / 12
	wte := labelledEntry(t, profs, "Trainee WTE per head")
	retype(wte, "0.5")
	if r := total(t, ui, may2020); r.TraineeWTE != 5 || r.PayCost != 22500 {
		t.Errorf("half-time trainees: trainee WTE %v, pay %v", r.TraineeWTE, r.PayCost)
	}
	for bad, msg := range map[string]string{"0": "0 is below 0.01", "1.5": "1.5 is above 1", "half": `"half" is not a number`} {
		wte.SetText(bad)
		if got := message(); !strings.HasPrefix(got, "Trainee WTE per head: "+msg) {
			t.Errorf("%s: message %q", bad, got)
		}
		if cbt(ui.session.Plan()).TraineeWTEPerHead != 0.5 {
			t.Errorf("%s was kept", bad)
		}
	}
	wte.SetText("0.5")
	if message() != "" {
		t.Errorf("message stays: %q", message())
	}

	// undo: 0.5 back to 1, the cost back to 0, the tick back off
	undoTo(t, ui, "trainee WTE", func(p *plan.Plan) any { return cbt(p).TraineeWTEPerHead }, 1.0)
	undoTo(t, ui, "trainee cost", func(p *plan.Plan) any { return cbt(p).TraineeCostPerWTE }, 0.0)
	undoTo(t, ui, "salaried", func(p *plan.Plan) any { return cbt(p).TraineesSalaried }, false)
	if salaried.Checked || wte.Text != "1" {
		t.Errorf("form after undo: ticked %v, trainee WTE %q", salaried.Checked, wte.Text)
	}
	if r := total(t, ui, may2020); r.TraineeWTE != 0 || r.PayCost != 10000 {
		t.Errorf("after undo: trainee WTE %v, pay %v", r.TraineeWTE, r.PayCost)
	}
}

// dangerText is the red message of a screen (the last one walked).
func dangerText(root fyne.CanvasObject) string {
	var m string
	walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Text != "" {
			m = l.Text
		}
	})
	return m
}

// pasteRows pastes text on a screen as the planner does: copied, then
// "Paste rows".
func pasteRows(t *testing.T, ui *UI, root fyne.CanvasObject, text string) string {
	t.Helper()
	ui.app.Clipboard().SetContent(text)
	test.Tap(button(t, root, "Paste rows"))
	return dangerText(root)
}

func TestPasteProfessionsWithTraineeColumns(t *testing.T) {
	ui := openHandPlan(t)
	profs := screen(t, ui, "Professions")
	header := "Id\tName\tLeaver rate % a year\tWTE per head\tCost per WTE a year\tTrainees salaried\tTrainee WTE per head\tTrainee cost per WTE a year\n"
	bad := header + "hi\tHigh intensity\t10\t1\t50,000\tyes\t\t30000\n" +
		"emhp\tEMHP\t12\t1\t40000\tmaybe\t1\t25000\n"
	if got := pasteRows(t, ui, profs, bad); got != `Nothing was pasted. row 2, column Trainees salaried: "maybe": write yes or no` {
		t.Errorf("message %q", got)
	}
	bad = header + "hi\tHigh intensity\t10\t1\t50,000\tyes\t1.2\t30000\n"
	if got := pasteRows(t, ui, profs, bad); got != "Nothing was pasted. row 1, column Trainee WTE per head: 1.2 is above 1" {
		t.Errorf("message %q", got)
	}
	if n := len(ui.session.Plan().Professions); n != 3 {
		t.Fatalf("a refused paste added rows: %d professions", n)
	}
	good := header + "hi\tHigh intensity\t10\t1\t50,000\tyes\t\t30000\n" +
		"emhp\tEMHP\t12\t1\t40000\tNo\t0.8\t1,250\n" +
		"mhwp\tMHWP\t12\t1\t40000\n"
	if got := pasteRows(t, ui, profs, good); got != "" {
		t.Fatalf("good paste: %q", got)
	}
	ps := ui.session.Plan().Professions
	want := []plan.Profession{
		{ID: "hi", Name: "High intensity", LeaverRatePct: 10, WTEPerHead: 1, CostPerWTE: 50000, TraineesSalaried: true, TraineeWTEPerHead: 1, TraineeCostPerWTE: 30000},
		{ID: "emhp", Name: "EMHP", LeaverRatePct: 12, WTEPerHead: 1, CostPerWTE: 40000, TraineeWTEPerHead: 0.8, TraineeCostPerWTE: 1250},
		{ID: "mhwp", Name: "MHWP", LeaverRatePct: 12, WTEPerHead: 1, CostPerWTE: 40000, TraineeWTEPerHead: 1},
	}
	if len(ps) != 6 {
		t.Fatalf("%d professions after pasting 3", len(ps))
	}
	for i, w := range want {
		if ps[3+i] != w {
			t.Errorf("pasted %+v, want %+v", ps[3+i], w)
		}
	}
	undoTo(t, ui, "paste", func(p *plan.Plan) any { return len(p.Professions) }, 3)
}

// selectIn is the drop-down of a record table's column.
func selectIn(t *testing.T, rt *recordTable, title string) *widget.Select {
	t.Helper()
	for i, c := range rt.def.columns {
		if c.title == title {
			s, ok := rt.fields[i].(*widget.Select)
			if !ok {
				t.Fatalf("%s is not a drop-down", title)
			}
			return s
		}
	}
	t.Fatalf("no column %q", title)
	return nil
}

// cell is what the table shows in row and column title.
func cell(t *testing.T, rt *recordTable, row int, title string) string {
	t.Helper()
	for i, c := range rt.def.columns {
		if c.title == title {
			l := widget.NewLabel("")
			rt.updateCell(widget.TableCellID{Row: row, Col: i}, l)
			return l.Text
		}
	}
	t.Fatalf("no column %q", title)
	return ""
}

func TestCohortDrawnFromStaffInPost(t *testing.T) {
	ui := openHandPlan(t)
	rt := ui.trainees
	rt.selectFirst()
	apr2020 := plan.MonthOf(2020, 4)
	drawn := func(p *plan.Plan) any {
		if d := p.Cohorts[0].DrawnFrom; d != nil {
			return *d
		}
		return nil
	}
	from := selectIn(t, rt, "Drawn from")
	if from.Selected != "nobody" || cell(t, rt, 0, "Drawn from") != "nobody" || cell(t, rt, 0, "Drawn from %") != "" {
		t.Fatalf("before: %q, table %q %q", from.Selected, cell(t, rt, 0, "Drawn from"), cell(t, rt, 0, "Drawn from %"))
	}
	if want := []string{"nobody", "PWP", "CBT therapist", "Clinical psychologist"}; strings.Join(from.Options, "|") != strings.Join(want, "|") {
		t.Errorf("choices %q", from.Options)
	}

	// a profession with no post line in Perinatal: refused, with the reason
	from.SetSelected("Clinical psychologist")
	if got := rt.message.Text; got != `Drawn from: Clinical psychologist has no post line in "Perinatal" for the trainees to leave: add one on the Posts screen first` {
		t.Errorf("message %q", got)
	}
	if ui.session.Plan().Cohorts[0].DrawnFrom != nil {
		t.Error("a refused draw was kept")
	}

	// PWP, then 50 %: 10 x 50 % x 1 WTE = 5 PWPs leave their posts in Apr
	// 2020 to train; with nobody to hire, PWPs in post fall from 10 to 5
	pct := entry(t, rt, "Drawn from %")
	if !pct.Disabled() {
		t.Error("a share can be typed with nobody drawn")
	}
	from.SetSelected("PWP")
	if got := drawn(ui.session.Plan()); got != (plan.DrawnFrom{Profession: "pwp", Pct: 0}) || rt.message.Text != "" || pct.Disabled() {
		t.Fatalf("drawn from %v, message %q, share disabled %v", got, rt.message.Text, pct.Disabled())
	}
	retype(pct, "50")
	if r := total(t, ui, apr2020); r.MovedOut != 5 || r.InPost != 5 {
		t.Errorf("moved out %v, in post %v; want 5 and 5", r.MovedOut, r.InPost)
	}
	if cell(t, rt, 0, "Drawn from") != "PWP" || cell(t, rt, 0, "Drawn from %") != "50 %" {
		t.Errorf("table shows %q %q", cell(t, rt, 0, "Drawn from"), cell(t, rt, 0, "Drawn from %"))
	}
	for bad, msg := range map[string]string{"101": "Drawn from %: 101 is above 100", "-1": "Drawn from %: -1 is below 0",
		"5,0": `Drawn from %: "5,0" is not a number`, "": "Drawn from %: give the share of the intake drawn from staff in post, 0 to 100"} {
		pct.SetText(bad)
		if got := rt.message.Text; !strings.HasPrefix(got, msg) {
			t.Errorf("%q: message %q", bad, got)
		}
		if got := drawn(ui.session.Plan()); got != (plan.DrawnFrom{Profession: "pwp", Pct: 50}) {
			t.Errorf("%q: drawn from %v", bad, got)
		}
	}
	pct.SetText("50")

	// the cohort moves to a service area with no PWP posts: refused
	entry(t, rt, "Service area").SetText("Older adults")
	if got := rt.message.Text; got != `Drawn from: pwp in "Older adults" is not a post line of this plan` {
		t.Errorf("message %q", got)
	}

	// nobody again, then undo twice: the draw comes back, then goes
	from.SetSelected("nobody")
	if ui.session.Plan().Cohorts[0].DrawnFrom != nil || total(t, ui, apr2020).MovedOut != 0 {
		t.Error("nobody still draws")
	}
	undoTo(t, ui, "nobody", drawn, any(plan.DrawnFrom{Profession: "pwp", Pct: 50}))
	if from.Selected != "PWP" || pct.Text != "50" {
		t.Errorf("form after undo: %q %q", from.Selected, pct.Text)
	}
	undoTo(t, ui, "50 %", drawn, any(plan.DrawnFrom{Profession: "pwp", Pct: 0}))
	undoTo(t, ui, "PWP", drawn, nil)
	if total(t, ui, apr2020).InPost != 10 {
		t.Error("undo left the PWPs moved")
	}
}

func TestPasteCohortsWithDrawnFrom(t *testing.T) {
	ui := openHandPlan(t)
	header := "Profession\tService area\tStart\tMonths\tIntake\tCompletion %\tTake-up %\tDrawn from\tDrawn from %\n"
	for bad, msg := range map[string]string{
		"cbt\tPerinatal\tSep 2021\t12\t8\t90\t85\tPWP\t40\ncbt\tPerinatal\tSep 2022\t12\t8\t90\t85\tcp\t40\n": `row 2, column Drawn from: Clinical psychologist has no post line in "Perinatal" for the trainees to leave: add one on the Posts screen first`,
		"cbt\tPerinatal\tSep 2021\t12\t8\t90\t85\tnobody\t40\n":                                               "row 1, column Drawn from %: choose first the profession the trainees are drawn from (Drawn from)",
		"cbt\tPerinatal\tSep 2021\t12\t8\t90\t85\tPWP\n":                                                      "row 1, column Drawn from %: give the share of the intake drawn from staff in post, 0 to 100",
		"cbt\tPerinatal\tSep 2021\t12\t8\t90\t85\tPWP\t140\n":                                                 "row 1, column Drawn from %: 140 is above 100",
		"cbt\tPerinatal\tSep 2021\t12\t8\t90\t85\tOT\t40\n":                                                   `row 1, column Drawn from: "OT" is not a profession of this plan`,
		"cbt\tPerinatal\tSep 2021\t12\t8\t90\t85\tPWP\t40\t3\n":                                               "row 1 has 10 cells; a cohort has 9 columns: Profession, Service area, Start, Months, Intake, Completion %, Take-up %, Drawn from, Drawn from %",
	} {
		if got := pasteRows(t, ui, ui.trainees.object, header+bad); got != "Nothing was pasted. "+msg {
			t.Errorf("message %q\nwant %q", got, msg)
		}
		if n := len(ui.session.Plan().Cohorts); n != 1 {
			t.Fatalf("a refused paste added cohorts: %d", n)
		}
	}
	good := header + "cbt\tPerinatal\tSep 2021\t12\t8\t90\t85\tPWP\t40\n" +
		"cbt\tPerinatal\tSep 2022\t12\t8\t90\t85\tpwp\t25.5\n" +
		"cbt\tPerinatal\tSep 2023\t12\t8\t90\t85\n"
	if got := pasteRows(t, ui, ui.trainees.object, good); got != "" {
		t.Fatalf("good paste: %q", got)
	}
	cs := ui.session.Plan().Cohorts
	if len(cs) != 4 || cs[1].DrawnFrom == nil || *cs[1].DrawnFrom != (plan.DrawnFrom{Profession: "pwp", Pct: 40}) ||
		cs[2].DrawnFrom == nil || *cs[2].DrawnFrom != (plan.DrawnFrom{Profession: "pwp", Pct: 25.5}) || cs[3].DrawnFrom != nil {
		t.Fatalf("pasted cohorts %+v", cs)
	}
	// Sep 2021: 8 x 40 % = 3.2 PWPs leave to train
	if r := total(t, ui, plan.MonthOf(2021, 9)); !near(r.MovedOut, 3.2) {
		t.Errorf("moved out %v, want 3.2", r.MovedOut)
	}
	undoTo(t, ui, "paste", func(p *plan.Plan) any { return len(p.Cohorts) }, 1)
}

func TestPlanSettingsOfModelVersion2(t *testing.T) {
	ui := openHandPlan(t)
	settings := screen(t, ui, "Trajectory")
	jun2021 := plan.MonthOf(2021, 6)

	// the wait: with none, the 10 CBT qualifiers of Apr 2021 are lost at
	// once (no funded posts); waiting 3 months, 5 are hired when 5 posts
	// are funded in Jun 2021 and the other 5 give up in Jul 2021
	if u, r := sumUnplaced(ui), total(t, ui, jun2021); u != 10 || r.InPost != 10 {
		t.Fatalf("no wait: unplaced %v, in post %v", u, r.InPost)
	}
	wait := labelledEntry(t, settings, "Qualifier wait (months)")
	retype(wait, "3")
	if ui.session.Plan().QualifierWaitMonths != 3 {
		t.Fatalf("wait %d", ui.session.Plan().QualifierWaitMonths)
	}
	if u, r := sumUnplaced(ui), total(t, ui, jun2021); u != 5 || r.InPost != 15 || r.HiredQualified != 5 {
		t.Errorf("3 months: unplaced %v, in post %v, hired %v", u, r.InPost, r.HiredQualified)
	}
	if r := total(t, ui, plan.MonthOf(2021, 5)); r.Waiting != 10 {
		t.Errorf("waiting in May 2021: %v", r.Waiting)
	}
	for bad, msg := range map[string]string{"2.5": "2.5 is not a whole number", "25": "25 is above 24",
		"-1": "-1 is below 0", "3 months": `"3 months" is not a number`} {
		wait.SetText(bad)
		if got := dangerText(settings); !strings.HasPrefix(got, "Qualifier wait (months): "+msg) {
			t.Errorf("%q: message %q", bad, got)
		}
		if ui.session.Plan().QualifierWaitMonths != 3 {
			t.Errorf("%q was kept", bad)
		}
	}
	wait.SetText("")
	if ui.session.Plan().QualifierWaitMonths != 0 || dangerText(settings) != "" || wait.Text != "" {
		t.Errorf("blank: wait %d, message %q, field %q", ui.session.Plan().QualifierWaitMonths, dangerText(settings), wait.Text)
	}
	undoTo(t, ui, "wait", func(p *plan.Plan) any { return p.QualifierWaitMonths }, 0) // typing is one step
	if sumUnplaced(ui) != 10 || (wait.Text != "0" && wait.Text != "") {
		t.Errorf("after undo: unplaced %v, field %q", sumUnplaced(ui), wait.Text)
	}

	// counting salaried trainees: the 10 CBT trainees (1 WTE each, from
	// Apr 2020) join the 10 PWPs in the workforce
	if err := ui.session.Edit("", func(p *plan.Plan) error { p.Professions[1].TraineesSalaried = true; return nil }); err != nil {
		t.Fatal(err)
	}
	may2020 := plan.MonthOf(2020, 5)
	if r := total(t, ui, may2020); r.Workforce != 10 {
		t.Fatalf("trainees not counted: workforce %v", r.Workforce)
	}
	count := findCheck(t, settings, "Count salaried trainees in the workforce measured against the trajectory, as NHS censuses count them")
	test.Tap(count)
	if r := total(t, ui, may2020); !ui.session.Plan().CountSalariedTrainees || r.Workforce != 20 || r.InPost != 10 {
		t.Errorf("counted: workforce %v, in post %v", r.Workforce, r.InPost)
	}
	undoTo(t, ui, "count salaried trainees", func(p *plan.Plan) any { return p.CountSalariedTrainees }, false)
	if count.Checked || total(t, ui, may2020).Workforce != 10 {
		t.Error("undo left the trainees counted")
	}

	// pay award: 10 PWPs at £12,000 cost £10,000 a month at the baseline,
	// £11,000 from April 2020, £12,100 from April 2021
	pay := labelledEntry(t, settings, "Pay award % a year")
	retype(pay, "10")
	for m, want := range map[plan.Month]float64{plan.MonthOf(2020, 3): 10000, plan.MonthOf(2021, 3): 11000, plan.MonthOf(2021, 4): 12100} {
		if got := total(t, ui, m).PayCost; !near(got, want) {
			t.Errorf("pay cost in %s: %v, want %v", m, got, want)
		}
	}
	for bad, msg := range map[string]string{"50.5": "50.5 is above 50", "-21": "-21 is below -20",
		"1,000": "1,000 is above 50", "3,5": `"3,5" is not a number`, "10%": `"10%" is not a number`} {
		pay.SetText(bad)
		if got := dangerText(settings); !strings.HasPrefix(got, "Pay award % a year: "+msg) {
			t.Errorf("%q: message %q", bad, got)
		}
		if ui.session.Plan().PayUpliftPctPerYear != 10 {
			t.Errorf("%q was kept", bad)
		}
	}
	pay.SetText("-2.5") // pay cuts are allowed down to -20 %
	if got := total(t, ui, plan.MonthOf(2020, 4)).PayCost; !near(got, 9750) {
		t.Errorf("pay cost after a 2.5 %% cut: %v", got)
	}
	undoTo(t, ui, "pay award", func(p *plan.Plan) any { return p.PayUpliftPctPerYear }, 0.0)
	if got := total(t, ui, plan.MonthOf(2021, 4)).PayCost; got != 10000 || pay.Text != "0" {
		t.Errorf("after undo: pay cost %v, field %q", got, pay.Text)
	}
}

func TestScenarioOverridesTheWait(t *testing.T) {
	ui := openHandPlan(t)
	scenarios := showTab(t, ui, "Scenarios")
	scenarios.first() // "Waiting"
	wait := labelledEntry(t, scenarios.object, "Qualifier wait (months)")
	if wait.Text != "" || wait.PlaceHolder != "blank: the plan's, 0 months" || wait.Disabled() {
		t.Fatalf("field %q, hint %q, disabled %v", wait.Text, wait.PlaceHolder, wait.Disabled())
	}
	ui.session.SetScenario("Waiting")
	if u := sumUnplaced(ui); u != 10 {
		t.Fatalf("the plan's wait, 0: unplaced %v", u)
	}
	// 3 months in the scenario: 5 of the 10 CBT qualifiers are hired in
	// Jun 2021 (see TestPlanSettingsOfModelVersion2); the plan keeps 0
	retype(wait, "3")
	s := func(p *plan.Plan) *plan.Scenario { return &p.Scenarios[0] }
	if w := s(ui.session.Plan()).QualifierWaitMonths; w == nil || *w != 3 || ui.session.Plan().QualifierWaitMonths != 0 {
		t.Fatalf("scenario wait %v", w)
	}
	if u := sumUnplaced(ui); u != 5 {
		t.Errorf("scenario waiting 3 months: unplaced %v", u)
	}
	message := func() string { return dangerText(scenarios.object) }
	for bad, msg := range map[string]string{"2.5": "2.5 is not a whole number", "25": "25 is above 24", "three": `"three" is not a number`} {
		wait.SetText(bad)
		if got := message(); !strings.HasPrefix(got, "Qualifier wait (months): "+msg) {
			t.Errorf("%q: message %q", bad, got)
		}
		if w := s(ui.session.Plan()).QualifierWaitMonths; w == nil || *w != 3 {
			t.Errorf("%q: scenario wait %v", bad, w)
		}
	}
	// blank is the plan's again, then the plan's wait shows in the hint
	wait.SetText("")
	if s(ui.session.Plan()).QualifierWaitMonths != nil || message() != "" || sumUnplaced(ui) != 10 {
		t.Errorf("blank: wait %v, message %q, unplaced %v", s(ui.session.Plan()).QualifierWaitMonths, message(), sumUnplaced(ui))
	}
	if err := ui.session.Edit("", func(p *plan.Plan) error { p.QualifierWaitMonths = 1; return nil }); err != nil {
		t.Fatal(err)
	}
	if wait.PlaceHolder != "blank: the plan's, 1 month" {
		t.Errorf("hint %q", wait.PlaceHolder)
	}
	ui.session.Undo()
	undoTo(t, ui, "scenario wait", func(p *plan.Plan) any { return s(p).QualifierWaitMonths == nil }, true) // typing "3", then blank: one step
	wait.SetText("12")
	ui.session.Undo()
	if s(ui.session.Plan()).QualifierWaitMonths != nil || wait.Text != "" {
		t.Errorf("undo left %v, field %q", s(ui.session.Plan()).QualifierWaitMonths, wait.Text)
	}
}

package report

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/planfile/planfiletest"
)

// A board paper never shows a cut word or an overlap: every text the
// report places is read back from the PDF with its box, and none may
// overlap another, run past the margins, or be cut short ("…"); a long
// name wraps whole words. Checked on the default plan, the small test
// plan, and a plan with very long names, a kept answer of each lever and
// no area.
func TestBoardPaperLayout(t *testing.T) {
	for _, c := range []struct {
		name string
		p    *plan.Plan
	}{{"default", readPlan(t, assets.DefaultPlan)}, {"small", planfiletest.Small(t)}, {"long names", longNames(t)},
		{"many answers", manyAnswers(t)}} {
		pages := writePages(t, c.p, plan.MonthOf(2026, 11))
		keep(t, c.name, c.p)
		checkLayout(t, c.name, pages)
		for n, boxes := range pages {
			for _, b := range boxes {
				if strings.Contains(b.text, "…") {
					t.Errorf("%s page %d: %q is cut short", c.name, n+1, b.text)
				}
			}
		}
		checkWholeWords(t, c.name, c.p, pages)
	}
}

// checkWholeWords wants every word of every profession's and scenario's
// name printed whole somewhere in the report.
func checkWholeWords(t *testing.T, name string, p *plan.Plan, pages [][]textBox) {
	t.Helper()
	printed := map[string]bool{}
	for _, boxes := range pages {
		for _, b := range boxes {
			for _, w := range strings.Fields(b.text) {
				printed[strings.Trim(w, "“”():,.")] = true
			}
		}
	}
	var names []string
	for _, pr := range p.Professions {
		names = append(names, pr.Name)
	}
	for _, s := range p.Scenarios {
		names = append(names, s.Name)
	}
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			if w = strings.Trim(w, "“”():,."); w != "" && !printed[w] {
				t.Errorf("%s: the word %q of %q is not printed whole", name, w, n)
			}
		}
	}
}

func readPlan(t *testing.T, data []byte) *plan.Plan {
	t.Helper()
	p, err := planfile.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// longNames is the default plan with no area, every profession and
// scenario named at length (each word its own, so a cut word shows), a
// trajectory it misses, and the solver's answer of each lever kept as a
// scenario, as the window keeps them.
func longNames(t *testing.T) *plan.Plan {
	t.Helper()
	p := readPlan(t, assets.DefaultPlan)
	p.Area = ""
	p.Name = strings.Repeat("A plan with a very long name for its board paper, ", 4)[:199]
	for i := range p.Professions {
		p.Professions[i].Name = fmt.Sprintf("%s, practitioner%c in psychological therapies for adults with long-term conditions",
			p.Professions[i].Name, 'a'+i)
	}
	for i := range p.Scenarios {
		p.Scenarios[i].Name = fmt.Sprintf("Option%c: %s, with more of everything the integrated care board asked for in its letter", 'a'+i,
			p.Scenarios[i].Name)
	}
	p.Trajectory.Milestones[0].GrowthPct *= 1.25
	for _, lever := range []string{plan.LeverIntake, plan.LeverRecruitment, plan.LeverFunded} {
		a, err := plan.Solve(p, plan.Question{Lever: lever})
		if err != nil || !a.Reachable || a.Pct == 0 {
			t.Fatalf("the %s answer: %+v, %v", lever, a, err)
		}
		a.Solved.Name = a.ScenarioName()
		p.Scenarios = append(p.Scenarios, a.Solved)
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatal(errs)
	}
	return p
}

// The page "How sure we are, and what it takes" states the answers that
// were kept, each with its own lever, not the solver's intake answer; the
// header leaves out the area the plan does not give.
func TestKeptAnswersAndNoArea(t *testing.T) {
	p := longNames(t)
	pages := writePages(t, p, plan.MonthOf(2026, 11))
	text := pageText(pagesTitled(pages, "How sure we are")[0])
	for _, lever := range []string{plan.LeverIntake, plan.LeverRecruitment, plan.LeverFunded} {
		a, err := plan.Solve(p, plan.Question{Lever: lever})
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("What it takes (the answer kept as the scenario “%s”): %s", a.ScenarioName(), a.Sentence(p))
		if !strings.Contains(strings.ReplaceAll(text, "\n", " "), want) {
			t.Errorf("the answer page does not say %q:\n%s", want, text)
		}
	}
	// only a recruitment answer kept: the page says it, not the intake answer
	p.Scenarios = slices.DeleteFunc(p.Scenarios, func(s plan.Scenario) bool { return !strings.Contains(s.Name, "recruitment") })
	only := pageText(pagesTitled(writePages(t, p, plan.MonthOf(2026, 11)), "How sure we are")[0])
	if strings.Contains(only, "Train ") || !strings.Contains(only, "Recruit 21 % more from outside") {
		t.Errorf("with a recruitment answer kept, the answer page says:\n%s", only)
	}
	front := pageText(pages[0])
	if strings.Contains(front, "No area") || !strings.Contains(front, "the plan itself (no scenario)  ·  Mar 2020") {
		t.Errorf("front page:\n%s", front)
	}
}

// keep writes the report of p into the folder PSYPLAN_REPORT_DIR names,
// when it names one, to be looked at.
func keep(t *testing.T, name string, p *plan.Plan) {
	dir := os.Getenv("PSYPLAN_REPORT_DIR")
	if dir == "" {
		return
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, p, pr, plan.MonthOf(2026, 11)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".pdf"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A scenario given a kept answer's name that raises nothing of its lever
// is an ordinary option, not said as an answer ("Train 12 % more (no
// profession) on courses starting Jan 0"): the page gives the solver's
// answer, and the scenario is still side by side. A real kept answer of
// each lever is still read back.
func TestScenarioNamedLikeAnAnswer(t *testing.T) {
	p := longNames(t)
	kept := len(keptAnswers(p))
	if kept != 3 {
		t.Fatalf("%d kept answers, want the 3 longNames keeps", kept)
	}
	retention := p.Scenarios[0] // an option with no extra cohorts nor posts set
	if len(retention.ExtraCohorts) > 0 || len(retention.Posts) > 0 {
		t.Fatalf("the first scenario raises something: %+v", retention)
	}
	for _, name := range []string{"Solved: intake +12 % by Apr 2024", "Solved: recruitment +12 % by Apr 2024", "Solved: funded +12 % by Apr 2024"} {
		q := *p
		named := retention
		named.Name = name
		q.Scenarios = []plan.Scenario{named}
		if got := keptAnswers(&q); len(got) != 0 {
			t.Errorf("%q read back as a kept answer: %+v", name, got[0].question)
		}
		if StartAnswer(&q, "") == nil {
			t.Errorf("%q: no solver's answer begun", name)
		}
	}
	// an intake answer whose extra cohorts all start before the first
	// month a course may start from is not one either
	q := *p
	early := retention
	early.Name = "Solved: intake +12 % by Apr 2024"
	early.ExtraCohorts = []plan.Cohort{{Profession: p.Cohorts[0].Profession, ServiceArea: p.Cohorts[0].ServiceArea,
		Start: p.Baseline, DurationMonths: 12, Intake: 5, CompletionPct: 90, TakeupPct: 90}}
	q.Scenarios = []plan.Scenario{early}
	if got := keptAnswers(&q); len(got) != 0 {
		t.Errorf("extra cohorts starting at the baseline read back as an intake answer: %+v", got[0].question)
	}
	pages := writePages(t, &q, plan.MonthOf(2026, 11))
	text := pageText(pagesTitled(pages, "How sure we are")[0])
	if strings.Contains(text, "Jan 0") || strings.Contains(text, "no profession") || !strings.Contains(text, "What it takes: ") {
		t.Errorf("the answer page:\n%s", text)
	}
}

// With no answer kept, the page draws the solver's answer beside the
// plan: its line is the workforce of the solved scenario's projection.
func TestSolverAnswerDrawn(t *testing.T) {
	p := longNames(t)
	p.Scenarios = nil
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	w, err := answerOf(p, pr)
	if err != nil || len(w.drawn) != 1 {
		t.Fatalf("%+v, %v", w, err)
	}
	a, err := plan.Solve(p, plan.Question{})
	if err != nil || a.Pct == 0 || w.lines[0] != "What it takes: "+a.Sentence(p) {
		t.Fatalf("%q, the solver: %q, %v", w.lines, a.Sentence(p), err)
	}
	q := *p
	a.Solved.Name = a.ScenarioName()
	q.Scenarios = []plan.Scenario{a.Solved}
	want, err := plan.Project(&q, a.ScenarioName())
	if err != nil {
		t.Fatal(err)
	}
	got := w.drawn[0]
	if got.Scenario != a.ScenarioName() || len(got.Total) != len(want.Total) {
		t.Fatalf("drawn %q with %d months", got.Scenario, len(got.Total))
	}
	for i := range want.Total {
		if math.Abs(got.Total[i].Workforce-want.Total[i].Workforce) > 1e-6 {
			t.Fatalf("month %d: drawn %v, projected %v", i, got.Total[i].Workforce, want.Total[i].Workforce)
		}
	}
}

// manyAnswers is longNames with each answer kept three times over (as the
// window names a second copy "… 2"): too many sentences to leave the
// answer page room for its chart.
func manyAnswers(t *testing.T) *plan.Plan {
	p := longNames(t)
	kept := p.Scenarios[len(p.Scenarios)-3:]
	for _, n := range []string{" 2", " 3"} {
		for _, sc := range kept {
			sc.Name += n
			p.Scenarios = append(p.Scenarios, sc)
		}
	}
	return p
}

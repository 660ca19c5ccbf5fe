package report

import (
	"bytes"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
	"example.org/psyplan/planfile/planfiletest"
)

func TestReportOfTheDefaultPlan(t *testing.T) {
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = "Łódź & Ελλάδα: ‘quoted’ plan – 2024" // any name prints as typed
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, p, pr, plan.MonthOf(2023, 11)); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	pages := len(regexp.MustCompile(`/Type /Page\b`).FindAll(pdf, -1))
	if pages < 2 {
		t.Errorf("%d pages", pages)
	}
}

// The report's figures and tables, worked by hand for the small plan:
// pwp 40 WTE in post and 45 funded, CBT 12.5 and 14; a trajectory of 60 %
// on 52.5 WTE is 84 WTE in April 2024; 12 PWP trainees x 90 % complete x
// 80 % take up x 0.9 WTE a head bring 7.8 WTE, 4 CBT x 95 % x 100 % x 1
// bring 3.8 WTE.
func TestReportFiguresOfTheSmallPlan(t *testing.T) {
	p := planfiletest.Small(t)
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	s := plan.Summarise(p, pr, plan.MonthOf(2023, 11))
	figures := headline(s)
	if figures[0][1] != "52.5 WTE" || figures[2] != [2]string{"Trajectory target", "84.0 WTE"} {
		t.Errorf("headline %v", figures)
	}
	posts, trainees := professionRows(p, pr, s.At)
	if len(posts) != 2 || !reflect.DeepEqual(posts[0][:3], []string{"CBT therapist", "12.5", "14.0"}) ||
		!reflect.DeepEqual(posts[1][:3], []string{"Psychological wellbeing practitioner", "40.0", "45.0"}) {
		t.Errorf("posts %v", posts)
	}
	want := [][]string{{"CBT therapist", "4", "3.8"}, {"Psychological wellbeing practitioner", "12", "7.8"}}
	if !reflect.DeepEqual(trainees, want) {
		t.Errorf("trainees %v, want %v", trainees, want)
	}
}

// Target: the national plan's report in 2 s or less.
func BenchmarkReportNational(b *testing.B) {
	p := plantest.National()
	pr, err := plan.Project(p, "")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := Write(&buf, p, pr, plan.MonthOf(2026, 11)); err != nil {
			b.Fatal(err)
		}
	}
}

// An emoji in the plan's name is refused naming the field, not with the
// PDF library's own words.
func TestUnprintableCharacterNamesTheField(t *testing.T) {
	p := &plan.Plan{Name: "Plan 😀", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2021, 3),
		Trajectory: plan.Trajectory{Interpolation: plan.Linear}}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = Write(&buf, p, pr, p.Baseline)
	if err == nil || !strings.HasPrefix(err.Error(), "name: ") || buf.Len() != 0 {
		t.Errorf("error %v, %d bytes written", err, buf.Len())
	}
	p.Name = "Plan – ünïcode £"
	if err := checkPrintable(p); err != nil {
		t.Errorf("ordinary characters refused: %v", err)
	}
}

// Every list's field is named with its place, the first in the plan's
// order: professions, post lines, cohorts, scenarios.
func TestUnprintableCharacterNamesTheItem(t *testing.T) {
	base := func() *plan.Plan {
		return &plan.Plan{Name: "Plan",
			Professions: []plan.Profession{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
			Posts:       []plan.PostLine{{Profession: "a", ServiceArea: "Adult"}, {Profession: "b", ServiceArea: "Adult"}},
			Cohorts:     []plan.Cohort{{Profession: "a", ServiceArea: "Adult"}, {Profession: "b", ServiceArea: "Older"}, {Profession: "b", ServiceArea: "CYP"}},
			Scenarios:   []plan.Scenario{{Name: "One"}, {Name: "Two"}}}
	}
	for _, c := range []struct {
		change func(p *plan.Plan)
		want   string
	}{
		{func(p *plan.Plan) { p.Professions[1].Name = "B 😀" }, "professions[1].name: "},
		{func(p *plan.Plan) { p.Posts[1].ServiceArea = "Adult 😀" }, "posts[1].service_area: "},
		{func(p *plan.Plan) { p.Cohorts[2].ServiceArea = "CYP 😀"; p.Scenarios[0].Name = "😀" }, "cohorts[2].service_area: "},
		{func(p *plan.Plan) { p.Scenarios[1].Name = "Two 😀" }, "scenarios[1].name: "},
		{func(p *plan.Plan) { p.Posts[0].ServiceArea = "Adult 😀"; p.Cohorts[0].ServiceArea = "Adult 😀" }, "posts[0].service_area: "},
	} {
		p := base()
		c.change(p)
		if err := checkPrintable(p); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("got %v, want %q…", err, c.want)
		}
	}
	if err := checkPrintable(base()); err != nil {
		t.Errorf("a printable plan refused: %v", err)
	}
}

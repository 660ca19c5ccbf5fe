package report

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

// The board paper made from each profession's sum of its lines (what
// psyplan export makes for it) is the paper made from the whole
// projection (what the window hands it), object for object, byte for byte
// but the moment it was made: the national plans (version 3's lines pooled), and the default
// plan with its scenarios. Plans with access targets need the whole
// projection (the demand page reads every service area) and get it.
func TestBoardPaperFromProfessionsIsTheSame(t *testing.T) {
	if testing.Short() {
		t.Skip("writes six board papers, four of the national plan")
	}
	def, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	v3 := plantest.NationalV3()
	for name, p := range map[string]*plan.Plan{"national": plantest.National(), "national v2": plantest.NationalV2(),
		"national v3": v3, "default": def} {
		p.Demand = nil
		whole, err := plan.Project(p, "")
		if err != nil {
			t.Fatal(err)
		}
		sums, err := plan.ProjectByProfession(p, "")
		if err != nil {
			t.Fatal(err)
		}
		a, b := paper(t, p, whole), paper(t, p, sums)
		if len(a) < 10_000 || !bytes.Equal(a, b) {
			t.Errorf("%s: the papers differ (%d and %d bytes)", name, len(a), len(b))
		}
	}
	if len(def.Scenarios) == 0 {
		t.Error("the default plan has no scenario: the side by side is not tried")
	}
}

// The answer begun before the projection (as psyplan export begins it) is
// the answer the paper works out itself: the same paper for the national
// plan (which no intake can answer), for a scenario of the default plan,
// for a plan the solver answers, and for a scenario whose answer is not
// its plan's. A plan that keeps answers begins
// none (they are said from the paper's projection), and an answer begun
// for another scenario or plan is not used.
func TestAnswerBegunBeforeIsTheSame(t *testing.T) {
	if testing.Short() {
		t.Skip("writes board papers of the national plan")
	}
	def, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	answered := longNames(t) // the solver answers it, its answer drawn
	answered.Scenarios = nil
	// a scenario that recruits half as many cannot be answered by intake
	fewer := longNames(t)
	fewer.Scenarios = []plan.Scenario{{Name: "Fewer recruits"}}
	for _, l := range fewer.Posts {
		half := l.RecruitsWTEPerYear / 2
		fewer.Scenarios[0].Posts = append(fewer.Scenarios[0].Posts,
			plan.PostOverride{Profession: l.Profession, ServiceArea: l.ServiceArea, RecruitsWTEPerYear: &half})
	}
	a, errA := plan.Solve(fewer, plan.Question{})
	b, errB := plan.Solve(fewer, plan.Question{Scenario: "Fewer recruits"})
	if errA != nil || errB != nil || a.Sentence(fewer) == b.Sentence(fewer) {
		t.Fatalf("the plan: %s; the scenario: %s (%v, %v): want two answers", a.Sentence(fewer), b.Sentence(fewer), errA, errB)
	}
	for _, c := range []struct {
		name     string
		p        *plan.Plan
		scenario string
	}{{"national", plantest.National(), ""}, {"default", def, def.Scenarios[0].Name}, {"answered", answered, ""},
		{"a scenario", fewer, "Fewer recruits"}} {
		pr, err := plan.Project(c.p, c.scenario)
		if err != nil {
			t.Fatal(err)
		}
		early := StartAnswer(c.p, c.scenario)
		if early == nil {
			t.Fatalf("%s: no answer begun", c.name)
		}
		if a, b := paperWith(t, c.p, pr, nil), paperWith(t, c.p, pr, early); len(a) < 10_000 || !bytes.Equal(a, b) {
			t.Errorf("%s: the papers differ (%d and %d bytes)", c.name, len(a), len(b))
		}
		if other := StartAnswer(c.p, "no such scenario"); !bytes.Equal(paperWith(t, c.p, pr, nil), paperWith(t, c.p, pr, other)) {
			t.Errorf("%s: an answer begun for another scenario was used", c.name)
		}
	}
	// an answer begun for another plan is not used
	national := plantest.National()
	pr, err := plan.Project(national, "")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(paperWith(t, national, pr, nil), paperWith(t, national, pr, StartAnswer(answered, ""))) {
		t.Error("an answer begun for another plan was used")
	}
	if StartAnswer(longNames(t), "") != nil { // it keeps three answers
		t.Error("an answer was begun for a plan that keeps one")
	}
}

// paper is the board paper of p with its pages uncompressed: its pages
// and their text in order, then its other objects (images, fonts) sorted,
// with what numbers them taken out (fpdf writes and lists images and
// fonts in the order of a map, so two papers of one plan differ there),
// and without the moments it was made and changed.
func paper(t *testing.T, p *plan.Plan, pr *plan.Projection) []byte {
	t.Helper()
	return paperWith(t, p, pr, nil)
}

// paperWith is paper with the answer begun before (nil: none).
func paperWith(t *testing.T, p *plan.Plan, pr *plan.Projection, answer *Answer) []byte {
	t.Helper()
	uncompressed = true
	defer func() { uncompressed = false }()
	var buf bytes.Buffer
	if err := WriteWithAnswer(&buf, p, pr, plan.MonthOf(2026, 12), nil, answer); err != nil {
		t.Fatal(err)
	}
	numbers := regexp.MustCompile(`\d+ 0 R|/(Creation|Mod)Date \([^)]*\)`)
	var pages, others [][]byte
	for _, o := range regexp.MustCompile(`(?s)\n\d+ 0 obj\n(.*?)\nendobj`).FindAllSubmatch(buf.Bytes(), -1) {
		lines := bytes.Split(numbers.ReplaceAll(o[1], nil), []byte("\n"))
		sortRuns(lines, resource) // the fonts and images a page may use, by name
		body := bytes.Join(lines, []byte("\n"))
		if bytes.Contains(body, []byte(" Tf\n")) || bytes.Contains(body, []byte("/Type /Page\n")) {
			pages = append(pages, body)
		} else {
			others = append(others, body) // not a page or its text: an image, a font, ...
		}
	}
	slices.SortFunc(others, bytes.Compare)
	return bytes.Join(append(pages, others...), []byte("\nendobj\n"))
}

// resource is a line of a page's fonts or images: its name, a hash.
var resource = regexp.MustCompile(`^/[FI][0-9a-f]{40}\s*$`)

// sortRuns sorts each run of consecutive lines that match.
func sortRuns(lines [][]byte, match *regexp.Regexp) {
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && match.Match(lines[j]) {
			j++
		}
		slices.SortFunc(lines[i:j], bytes.Compare)
		i = max(j, i+1)
	}
}

package report

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/planfile/planfiletest"
)

// The page "How sure we are, and what it takes" says the band at the
// plan's first milestone in numbers and words, and the solver's answer
// for it, and draws the band chart as an image of its own.
func TestAnswerPage(t *testing.T) {
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan.MakeBand(context.Background(), p, "", 40, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := answerOf(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	lines := answerLines(p, b, w)
	i := b.Index(plan.MonthOf(2024, 4)) // the default plan's first milestone
	want := "How sure: in Apr 2024, 8 in 10 of 40 runs project between " + format.WTE(b.Low[i]) + " and " + format.WTE(b.High[i]) + " WTE"
	if !strings.HasPrefix(lines[0], want) || !strings.HasSuffix(lines[0], b.ChanceSentence(plan.MonthOf(2024, 4))) {
		t.Errorf("band line %q, want it to start %q and end with the chance", lines[0], want)
	}
	a, err := plan.Solve(p, plan.Question{})
	if err != nil {
		t.Fatal(err)
	}
	if lines[1] != "What it takes: "+a.Sentence(p) || a.By != plan.MonthOf(2024, 4) {
		t.Errorf("answer line %q, the solver says %q by %s", lines[1], a.Sentence(p), a.By)
	}
	var buf bytes.Buffer
	if err := WriteWithBand(&buf, p, pr, plan.MonthOf(2023, 11), b); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	// front growth with the band, the answer's chart, professions, pipeline: four images
	if n := len(regexp.MustCompile(`/Subtype /Image`).FindAll(pdf, -1)); n != 4 {
		t.Errorf("%d images in the report, want 4 (the answer's chart its own)", n)
	}
}

// With no uncertainty the page says so, and still answers.
func TestAnswerPageWithoutABand(t *testing.T) {
	p := planfiletest.Small(t)
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	w, err := answerOf(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	lines := answerLines(p, nil, w)
	if lines[0] != "How sure: the plan gives no uncertainty ranges, so no likely range is drawn." {
		t.Errorf("band line %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "What it takes: ") || len(lines[1]) < 40 {
		t.Errorf("answer line %q", lines[1])
	}
}

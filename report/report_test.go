package report

import (
	"bytes"
	"regexp"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

func TestReportOfTheDefaultPlan(t *testing.T) {
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = "Łódź & Ελλάδα: ‘quoted’ plan – 2024" // any name prints as typed
	pr, _ := plan.Project(p, "")
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

// Target: the national plan's report in 2 s or less.
func BenchmarkReportNational(b *testing.B) {
	p := plantest.National()
	pr, _ := plan.Project(p, "")
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := Write(&buf, p, pr, plan.MonthOf(2026, 11)); err != nil {
			b.Fatal(err)
		}
	}
}

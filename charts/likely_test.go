package charts

import (
	"bytes"
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

// handBand is a band 100 WTE either side of the projection, with a
// quarter of the runs on track every month.
func handBand(pr *plan.Projection) *plan.Band {
	n := pr.Months()
	b := &plan.Band{Runs: 1000, Seed: 1, Baseline: pr.Baseline}
	for i := 0; i < n; i++ {
		w := pr.Total[i].Workforce
		b.Central = append(b.Central, w)
		b.Low = append(b.Low, w-100)
		b.Median = append(b.Median, w)
		b.High = append(b.High, w+100)
		b.Target = append(b.Target, pr.Target[i])
		b.OnTrack = append(b.OnTrack, 0.25)
	}
	return b
}

// The band is drawn behind the projected line, named in the legend, with
// the chance of being on track at the judged month said on the chart.
func TestGrowthDrawsTheBand(t *testing.T) {
	in := defaultInput(t)
	in.Band = handBand(in.Projection)
	g := GrowthChart(in, "Growth")
	if g.Likely == nil {
		t.Fatal("no band on the growth chart")
	}
	i := in.Projection.Index(plan.MonthOf(2024, 4))
	if g.Likely.Low[i] != g.Projected[i]-100 || g.Likely.High[i] != g.Projected[i]+100 {
		t.Fatalf("band at Apr 2024 %v to %v, projected %v", g.Likely.Low[i], g.Likely.High[i], g.Projected[i])
	}
	want := "About 1 in 4 runs reach the trajectory by " + in.Plan.JudgedAt(in.Projection.Horizon).Label()
	if !strings.HasPrefix(g.Likely.Chance, want) {
		t.Fatalf("chance %q, want it to start %q", g.Likely.Chance, want)
	}
	var svg bytes.Buffer
	if err := WriteSVG(&svg, g, 1600, 900); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Likely range (8 in 10 runs)", "About 1 in 4 runs reach the trajectory"} {
		if !strings.Contains(svg.String(), text) {
			t.Errorf("the SVG does not say %q", text)
		}
	}
}

// A band is of the whole plan: a chart of one profession, or a band that
// does not match the projection's months, draws none rather than a wrong one.
func TestGrowthBandOnlyWhereItBelongs(t *testing.T) {
	in := defaultInput(t)
	in.Band = handBand(in.Projection)
	in.Filter = Filter{Profession: in.Plan.Professions[0].ID}
	if GrowthChart(in, "Growth").Likely != nil {
		t.Error("a profession's chart drew the whole plan's band")
	}
	in.Filter = Filter{}
	in.Band.Low, in.Band.High = in.Band.Low[1:], in.Band.High[1:]
	if GrowthChart(in, "Growth").Likely != nil {
		t.Error("a band one month short was drawn")
	}
	in.Band = nil
	var svg bytes.Buffer
	if err := WriteSVG(&svg, GrowthChart(in, "Growth"), 1600, 900); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(svg.String(), "Likely range") {
		t.Error("no band, yet the legend names one")
	}
}

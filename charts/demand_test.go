package charts

import (
	"image"
	"strings"
	"testing"

	chart "github.com/wcharczuk/go-chart/v2"

	"example.org/psyplan/plan"
)

// withBudget gives the default plan (which has access targets of its
// own) a budget around its pay bill, over it from 2027/28.
func withBudget(t testing.TB, p *plan.Plan) {
	t.Helper()
	if len(p.Demand) == 0 {
		t.Fatal("the default plan has no access targets")
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range plan.MakeBudget(p, pr) {
		if f := map[int]float64{2024: 1.03, 2025: 1.02, 2026: 1.0, 2027: 0.98, 2028: 0.97}[b.Year]; f > 0 {
			p.Budget = append(p.Budget, plan.BudgetYear{Year: b.Year, GBP: float64(int(b.PayCost*f/1e5)) * 1e5})
		}
	}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
}

// The capacity chart draws the target, the capacity and the shortfall;
// the WTE chart marks the constraint; a plan with no demand says so.
func TestDemandCharts(t *testing.T) {
	in := defaultInput(t)
	for _, f := range []Filter{{}, {ServiceArea: "Perinatal"}} {
		in.Filter = f
		c := DemandChart(in).(capacityChart)
		if c.empty != "" || len(c.target) != in.Projection.Months() {
			t.Fatalf("%+v: %q, %d months", f, c.empty, len(c.target))
		}
		img, frame, err := Image(c, 1280, 720)
		if err != nil {
			t.Fatal(err)
		}
		if !hasColour(img, frame.Plot, Blue.R, Blue.G, Blue.B) || !hasColour(img, frame.Plot, Orange.R, Orange.G, Orange.B) {
			t.Errorf("%+v: no capacity or target line", f)
		}
		w := DemandWTEChart(in).(wteChart)
		if w.constraint < 0 || !strings.HasPrefix(w.note, "The constraint") {
			t.Errorf("%+v: constraint %d of %v, %q", f, w.constraint, w.names, w.note)
		}
	}
	// Perinatal's constraint is the demand table's scarcest profession there
	in.Filter = Filter{ServiceArea: "Perinatal"}
	dt, _ := plan.MakeDemand(in.Plan, in.Projection)
	at := judgedAt(in)
	var want plan.DemandRow
	for _, r := range dt.Months[dt.Index(at)] {
		if r.ServiceArea == "Perinatal" && !r.Total() && (want.Profession == "" || r.CapacityPeople/r.PeoplePerYear < want.CapacityPeople/want.PeoplePerYear) {
			want = r
		}
	}
	w := DemandWTEChart(in).(wteChart)
	if w.names[w.constraint] != professionLabel(in.Plan, want.Profession) ||
		w.note != "The constraint" {
		t.Errorf("Perinatal's constraint: %v, %q; want %s", w.names[w.constraint], w.note, want.Profession)
	}
	in.Filter = Filter{ServiceArea: "Nowhere"}
	if c := DemandChart(in).(capacityChart); !strings.HasPrefix(c.empty, "Nowhere has no access target") {
		t.Errorf("no target: %q", c.empty)
	}
	in.Filter, in.Plan.Demand = Filter{}, nil
	for _, name := range []string{"demand", "demand-wte"} {
		c, _ := Make(name, in)
		if _, _, err := Image(c, 1280, 720); err != nil {
			t.Errorf("%s with no demand: %v", name, err)
		}
	}
}

// The pay cost chart draws the budget, and the part of a year's bar over it.
func TestCostChartDrawsTheBudget(t *testing.T) {
	in := defaultInput(t)
	c := CostChart(in).(costChart)
	if len(c.budget) != 5 {
		t.Fatalf("%d years with a budget", len(c.budget))
	}
	g := c.graph(sizeOf(1280, 720), &Frame{}).(chart.Chart)
	names := []string{}
	for _, s := range g.Series {
		names = append(names, s.GetName())
	}
	if got := strings.Join(names, "|"); got != "|Pay cost (part years: the months in the plan)|Over budget|Budget for pay" {
		t.Errorf("series %q", got)
	}
	in.Filter = Filter{Profession: "pwp"} // one profession's cost has no budget of its own
	if c := CostChart(in).(costChart); len(c.budget) != 0 {
		t.Error("a filtered cost chart drew the plan's budget")
	}
}

// Legends fit: at 1280 x 720 and 1920 x 1080, on screen and on a slide,
// nothing is drawn right of the chart's right padding.
func TestDemandLegendsFit(t *testing.T) {
	in := defaultInput(t)
	for _, name := range []string{"demand", "demand-wte", "cost"} {
		c, _ := Make(name, in)
		for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
			for _, draw := range []func(Chart, int, int) (*image.RGBA, Frame, error){Image, SlideImage} {
				img, _, err := draw(c, size[0], size[1])
				if err != nil {
					t.Fatal(err)
				}
				edge := image.Rect(size[0]-6, 0, size[0], size[1])
				if inked(img, edge) {
					t.Errorf("%s at %dx%d: something is drawn at the right edge (a legend cut?)", name, size[0], size[1])
				}
			}
		}
	}
}

// inked tells whether any pixel of r is darker than light grey.
func inked(img *image.RGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R < 160 && c.G < 160 && c.B < 160 {
				return true
			}
		}
	}
	return false
}

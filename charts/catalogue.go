package charts

import (
	"fmt"
	"strings"
)

// Kind is one of PsyPlan's charts, by the name the command line uses.
type Kind struct {
	Name  string // growth, professions...
	Title string // for slides and reports
	Menu  string // for a chart chooser: short enough to read whole in one
	make  func(Input) Chart
}

// Kinds are every chart, in the order slides and reports show them.
var Kinds = []Kind{
	{"growth", "Growth against the trajectory", "Growth vs trajectory", func(in Input) Chart {
		return GrowthChart(in, GrowthTitle(in.Plan))
	}},
	{"professions", "Growth by profession", "Growth by profession", ProfessionGrowthChart},
	{"profession-wte", "Staff in post by profession", "Staff by profession", ProfessionsChart},
	{"pipeline", "Training pipeline", "Training pipeline", PipelineChart},
	{"bridge", "From the baseline to the milestone", "Baseline to milestone", BridgeChart},
	{"posts", "Funded posts and staff in post", "Funded posts and staff", PostsChart},
	{"cost", "Pay cost", "Pay cost", CostChart},
	{"demand", "People a year: capacity against the access target", "People vs access target", DemandChart},
	{"demand-wte", "WTE needed and in post, by profession", "WTE needed by profession", DemandWTEChart},
}

// NeedsDemand tells whether the named chart draws the plan's access
// targets, so has nothing to show for a plan with none.
func NeedsDemand(name string) bool { return name == "demand" || name == "demand-wte" }

// Make builds the named chart.
func Make(name string, in Input) (Chart, error) {
	for _, k := range Kinds {
		if k.Name == name {
			return k.make(in), nil
		}
	}
	return nil, fmt.Errorf("no chart %q: choose %s", name, Names())
}

// Names lists the charts' names: "growth|professions|...".
func Names() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = k.Name
	}
	return strings.Join(names, "|")
}

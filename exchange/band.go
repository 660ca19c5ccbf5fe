package exchange

import (
	"context"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
)

// band is the band the export draws, when the plan has uncertainty and
// the export shows the band (the workbook, the report, and the growth
// chart of the whole plan): the caller's, if it has it (the window
// does), else worked out here with the command line's defaults (1,000
// runs, seed 1), so a file exported from the window and one from
// `psyplan export` agree; Runs, when set, asks for a quicker band of
// fewer runs (the command line's --runs). nil when the export shows no
// band.
func (ex Export) band(p *plan.Plan, pr *plan.Projection) (*plan.Band, error) {
	if p.Uncertainty.Zero() || !ex.showsBand() {
		return nil, nil
	}
	if b := ex.Band; b != nil && b.Scenario == ex.Scenario && len(b.Central) == pr.Months() && b.Baseline == pr.Baseline {
		return b, nil
	}
	runs := ex.Runs
	if runs == 0 {
		runs = plan.DefaultBandRuns
	}
	return plan.MakeBand(context.Background(), p, ex.Scenario, runs, 1, nil)
}

func (ex Export) showsBand() bool {
	switch ex.Format {
	case "xlsx", "pdf":
		return true
	case "png", "svg":
		return (ex.Chart == "" || ex.Chart == "growth") && ex.Filter == (charts.Filter{})
	}
	return false
}

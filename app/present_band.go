package app

import (
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/session"
	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
)

// liveBand is workshop mode's band: it follows the what-if controls. While
// a control moves, each position gets a quick band (session.QuickBandRuns runs,
// and the legend says how many); when it is let go, the full one.
type liveBand struct {
	in      charts.Input // the slide's chart input, as last projected
	inFor   plan.WhatIf  // the what-if in is of
	band    *plan.Band
	bandFor plan.WhatIf
}

// shown notes the chart input the slide now shows.
func (lb *liveBand) shown(in charts.Input, w plan.WhatIf) { lb.in, lb.inFor = in, w }

// input is the slide's chart input with the band, when the band is of the
// same what-if as the projection (else none: an old band is never drawn
// round a new line).
func (lb *liveBand) input() charts.Input {
	in := lb.in
	if lb.band != nil && sameWhatIf(lb.bandFor, lb.inFor) {
		in.Band = lb.band
	}
	return in
}

func sameWhatIf(a, b plan.WhatIf) bool {
	capA, capB := a.CapHires, b.CapHires
	a.CapHires, b.CapHires = nil, nil
	return a == b && (capA == nil) == (capB == nil) && (capA == nil || *capA == *capB)
}

// slideKinds are the charts a plan's slides show: every one, but the
// demand charts only for a plan with access targets.
func slideKinds(p *plan.Plan) []charts.Kind {
	var out []charts.Kind
	for _, k := range charts.Kinds {
		if !charts.NeedsDemand(k.Name) || (p != nil && len(p.Demand) > 0) {
			out = append(out, k)
		}
	}
	return out
}

// slideCount is every chart's slide and the answer's.
func (ps *presenter) slideCount() int { return len(ps.kinds) + 1 }

// draw draws the slide's chart from the latest input.
func (ps *presenter) draw(name string) error {
	c, err := charts.Make(name, ps.live.input())
	if err == nil {
		ps.chart.SetChart(c)
	}
	return err
}

// followBand asks for the band of the what-if as it now is, on the growth
// slide of a plan with uncertainty, and redraws when it lands.
func (ps *presenter) followBand(name string, runs int) {
	if name != "growth" || !ps.ui.session.HasUncertainty() {
		return
	}
	w := ps.whatIf
	ps.ui.session.WhatIfBand(w, runs, func(b *plan.Band, err error) {
		if ps.ui.presenting != ps || err != nil {
			return
		}
		ps.live.band, ps.live.bandFor = b, w
		if ps.slide < len(ps.kinds) && ps.kinds[ps.slide].Name == name {
			ps.draw(name)
		}
	})
}

// settled is a control let go: the full band for where it rests.
func (ps *presenter) settled() {
	if !ps.loading && ps.slide < len(ps.kinds) {
		ps.followBand(ps.kinds[ps.slide].Name, session.BandRuns)
	}
}

// showAnswer is the answer slide: what it takes to reach the trajectory by
// the plan's first milestone, raising training intake for every
// profession that trains, against the plan as it stands (the what-if
// controls do not apply to it).
func (ps *presenter) showAnswer() {
	ps.title.SetText("What does it take?")
	ps.sentence.SetText("Working it out…")
	ps.controls(false)
	ps.ui.session.SolveAndProject(plan.Question{}, thisMonth(), func(a plan.Answer, in charts.Input, err error) {
		if ps.ui.presenting != ps || ps.slide != len(ps.kinds) {
			return
		}
		if err != nil {
			ps.sentence.SetText(err.Error())
			return
		}
		ps.sentence.SetText(a.Sentence(in.Plan))
		if in.Compare == nil && ps.ui.session.Scenario() == "" { // the plan itself, as it stands: its band says how sure
			in.Band = ps.ui.session.Band()
		}
		ps.chart.SetChart(charts.GrowthChart(in, "What it takes to reach the trajectory by "+a.By.Label()))
	})
}

// controls turns the what-if controls on (chart slides) or off (the
// answer slide, which answers for the plan as it stands).
func (ps *presenter) controls(on bool) {
	for _, s := range []*widget.Slider{ps.leavers, ps.intake, ps.recruits} {
		setEnabled(s, on)
	}
	setEnabled(ps.capping, on)
	if !on {
		setEnabled(ps.keep, false)
	}
}

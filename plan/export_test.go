package plan

import (
	"fmt"
	"math"
)

// KernelAgrees tells whether the band's kernel gives the engine's
// workforce to the last bit for the central run and runs 0 to runs-1 of
// seed (tests of package plan_test use it on the national plan).
func KernelAgrees(p *Plan, seed int64, runs int) error {
	return KernelAgreesIn(p, "", seed, runs)
}

// KernelAgreesIn is KernelAgrees for the plan's named scenario.
func KernelAgreesIn(p *Plan, scenario string, seed int64, runs int) error {
	central, err := newModel(p, scenario, nil)
	if err != nil {
		return err
	}
	k := newBandKernel(central)
	if k == nil {
		return fmt.Errorf("no kernel for the plan")
	}
	n := central.months
	want, got := make([]float64, n), make([]float64, n)
	run := central.clone()
	sp, scratch := run.workScratch(n)
	for r := -1; r < runs; r++ {
		shifts := map[string]Shift(nil)
		if r >= 0 {
			shifts = drawShifts(p, seed, r)
		}
		run.shiftFrom(central, shifts)
		run.workforce(want, sp, scratch)
		k.workforce(got, shifts, &kernelRun{})
		for i := range want {
			if got[i] != want[i] {
				return fmt.Errorf("run %d, month %d: kernel %v, engine %v", r, i, got[i], want[i])
			}
		}
	}
	// A block of runs side by side gives each run's workforce too.
	shifts := make([]map[string]Shift, runs)
	for r := range shifts {
		shifts[r] = drawShifts(p, seed, r)
	}
	block := make([]float64, runs*n)
	k.workforceRuns(block, shifts, &kernelRun{})
	for r := range shifts {
		run.shiftFrom(central, shifts[r])
		run.workforce(want, sp, scratch)
		for i := range want {
			if block[r*n+i] != want[i] {
				return fmt.Errorf("block run %d, month %d: kernel %v, engine %v", r, i, block[r*n+i], want[i])
			}
		}
	}
	return nil
}

// PayCostAgrees tells whether the pay cost worked out without keeping the
// lines' months is the projection's Total pay cost to the last bit.
func PayCostAgrees(p *Plan, scenario string) error {
	m, err := newModel(p, scenario, nil)
	if err != nil {
		return err
	}
	pay, pj := m.payCostByMonth(), m.project(scenario)
	for i := range pj.Total {
		if pay[i] != pj.Total[i].PayCost {
			return fmt.Errorf("month %d: %v without the lines, %v in the projection", i, pay[i], pj.Total[i].PayCost)
		}
	}
	return nil
}

// ProjectionAtAgrees tells whether the projection of month index i alone
// is the whole projection's month i to the last bit: every line's row,
// the total, the target and the gap.
func ProjectionAtAgrees(p *Plan, scenario string, i int) error {
	m, err := newModel(p, scenario, nil)
	if err != nil {
		return err
	}
	at, pj := m.projectionAt(i), m.project(scenario)
	if at.Baseline != pj.Month(i) || at.Index(pj.Month(i)) != 0 {
		return fmt.Errorf("month %d: the projection of that month alone runs %s to %s", i, at.Baseline, at.Horizon)
	}
	for li := range pj.Lines {
		if at.Lines[li].Key != pj.Lines[li].Key || at.Lines[li].Row(0) != pj.Lines[li].Row(i) {
			return fmt.Errorf("month %d, line %v: %+v alone, %+v in the projection", i, pj.Lines[li].Key, at.Lines[li].Row(0), pj.Lines[li].Row(i))
		}
	}
	if at.Total[0] != pj.Total[i] || at.Target[0] != pj.Target[i] || at.Gap[0] != pj.Gap[i] {
		return fmt.Errorf("month %d: total %+v, target %v, gap %v alone; %+v, %v, %v in the projection",
			i, at.Total[0], at.Target[0], at.Gap[0], pj.Total[i], pj.Target[i], pj.Gap[i])
	}
	return nil
}

// TrajectoryBaseAgrees tells whether the plan's TrajectoryBase is, to the
// last bit, the workforce at the baseline its model sums over its lines.
func TrajectoryBaseAgrees(p *Plan) error {
	m, err := newModel(p, "", nil)
	if err != nil {
		return err
	}
	if got, want := p.TrajectoryBase(), m.trajectoryBase(); math.Float64bits(got) != math.Float64bits(want) {
		return fmt.Errorf("TrajectoryBase %v, the model's %v", got, want)
	}
	return nil
}

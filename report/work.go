package report

import (
	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
)

// work is what the pages need that takes time to make: the solver's
// answer, the side by side, the demand table and the charts whose boxes
// are known before their page is reached. Each is started when the
// report starts and waited for when its page is written, so on a
// national plan they are made side by side on the machine's cores while
// the first pages are laid out.
type work struct {
	answer      func() (whatItTakes, error)
	comparison  func() (*plan.Comparison, error)
	demand      func() (*plan.DemandTable, error)
	professions func() ([]byte, error)
	pipeline    func() ([]byte, error)
}

// prepare starts the work; answer is the page's answer if begun already
// (for this plan and pr's scenario; else it is begun here).
func (r *writer) prepare(answer *Answer) {
	p, pr, in := r.p, r.pr, r.in
	_, _, w, h := chartBox()
	if answer == nil || answer.plan != p || answer.scenario != pr.Scenario {
		answer = &Answer{get: later(func() (whatItTakes, error) { return answerOf(p, pr) })}
	}
	r.work = &work{
		answer: answer.get,
		comparison: later(func() (*plan.Comparison, error) {
			if len(p.Scenarios) == 0 {
				return nil, nil
			}
			return plan.Compare(p, nil, pr)
		}),
		demand: later(func() (*plan.DemandTable, error) {
			if len(p.Demand) == 0 {
				return nil, nil
			}
			return plan.MakeDemand(p, pr)
		}),
		professions: later(func() ([]byte, error) { return chartPNG(charts.ProfessionGrowthChart(in), w, h)() }),
		pipeline:    later(func() ([]byte, error) { return chartPNG(charts.PipelineChart(in), w, pipelineHeight(p, h))() }),
	}
}

// later runs make in its own goroutine and returns what waits for its
// result.
func later[T any](f func() (T, error)) func() (T, error) {
	var v T
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, err = f()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}

package app

import (
	"fyne.io/fyne/v2"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/app/rollup"
)

// rollupShell is what the roll-ups (app/rollup) are given of the plan
// window: the library, the background, the status line, and a plan saved.
type rollupShell struct{ ui *UI }

var _ rollup.Shell = rollupShell{}

func (s rollupShell) Library() rollup.Library { return s.ui.lib }
func (s rollupShell) Run(work, apply func())  { s.ui.run(work, apply) }
func (s rollupShell) App() fyne.App           { return s.ui.app }
func (s rollupShell) Window() fyne.Window     { return s.ui.win }
func (s rollupShell) SetStatus(text string)   { s.ui.setStatus(text) }
func (s rollupShell) SaveEdits()              { s.ui.session.Flush() }
func (s rollupShell) PlansAdded()             { s.ui.library.reload() }

// OnPlanSaved listens to the session's saves: each one that reached the
// library is the open plan's.
func (s rollupShell) OnPlanSaved(fn func(planID int64)) {
	s.ui.session.OnSaved(func(err error) {
		if err == nil {
			fn(s.ui.session.ID())
		}
	})
}

func (s rollupShell) Files() *kit.Files { return s.ui.library.files }

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

// OnPlanSaved chains the session's one onSaved hook, as the roll-ups did
// before they had a package of their own. The roll-ups subscribe when
// their first window opens, after New has set the window's own hook.
func (s rollupShell) OnPlanSaved(fn func(planID int64)) {
	before := s.ui.session.onSaved
	s.ui.session.onSaved = func(err error) {
		if before != nil {
			before(err)
		}
		if err == nil {
			fn(s.ui.session.ID())
		}
	}
}

func (s rollupShell) Files() *kit.Files { return s.ui.library.files }

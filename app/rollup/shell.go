package rollup

import (
	"context"

	"fyne.io/fyne/v2"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// Shell is what the roll-ups need from the plan window that holds their
// list. The plan window gives it (app/rollup_shell.go); the roll-ups
// never reach into the window.
type Shell interface {
	Library() Library
	// Run does work off the UI goroutine, then apply on it.
	Run(work, apply func())
	// App opens the roll-ups' own windows.
	App() fyne.App
	// Window is the plan window, which the list's dialogs show over.
	Window() fyne.Window
	// SetStatus says something on the plan window's status line.
	SetStatus(text string)
	// SaveEdits puts the open plan's last edits in the library, so a new
	// roll-up reads the plan as the planner sees it.
	SaveEdits()
	// PlansAdded says plans were imported, for the plan list to show them.
	PlansAdded()
	// OnPlanSaved calls fn, on the UI goroutine, with a plan's id each
	// time an edit of it is in the library.
	OnPlanSaved(fn func(planID int64))
	// Files are the file dialogs, which start where the last import or
	// export went.
	Files() *kit.Files
}

// Library is what the roll-ups read and write in the plan library
// (*store.Library has it).
type Library interface {
	ListPlans(ctx context.Context) ([]store.PlanEntry, error)
	LoadPlan(ctx context.Context, id int64) (*plan.Plan, error)
	CreatePlan(ctx context.Context, p *plan.Plan) (int64, error)
	ListRollups(ctx context.Context) ([]store.Rollup, error)
	CreateRollup(ctx context.Context, name string, members []store.RollupMember) (int64, error)
	RollupPlans(ctx context.Context, id int64) (*store.Rollup, []plan.RollupMember, error)
	RollupsHolding(ctx context.Context, planID int64) ([]store.Rollup, error)
	DeleteRollup(ctx context.Context, id int64) error
}

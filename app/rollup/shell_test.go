package rollup

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/app/session/sessiontest"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/store"
)

// testShell stands in for the plan window: a real library in a temporary
// folder, a window the list's dialogs show over, and saves announced by
// the test (saved).
type testShell struct {
	app     fyne.App
	win     fyne.Window
	lib     *store.Library
	run     func(work, apply func())
	status  string
	added   int // times the plan list was told of imported plans
	onSaved []func(int64)
	files   *kit.Files
}

func (s *testShell) Library() Library                  { return s.lib }
func (s *testShell) Run(work, apply func())            { s.run(work, apply) }
func (s *testShell) App() fyne.App                     { return s.app }
func (s *testShell) Window() fyne.Window               { return s.win }
func (s *testShell) SetStatus(text string)             { s.status = text }
func (s *testShell) SaveEdits()                        {}
func (s *testShell) PlansAdded()                       { s.added++ }
func (s *testShell) OnPlanSaved(fn func(planID int64)) { s.onSaved = append(s.onSaved, fn) }
func (s *testShell) Files() *kit.Files                 { return s.files }

// saved tells the roll-ups that plan id's edit is in the library.
func (s *testShell) saved(id int64) {
	for _, fn := range s.onSaved {
		fn(id)
	}
}

// openList makes the roll-ups' list over a window on an empty library,
// with background work answered when the test settles.
func openList(t testing.TB) (*List, *testShell, *sessiontest.Deferred) {
	t.Helper()
	lib, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	a := test.NewTempApp(t)
	d := &sessiontest.Deferred{}
	s := &testShell{app: a, win: a.NewWindow("PsyPlan"), lib: lib, run: d.Run, files: &kit.Files{Folders: lib}}
	s.win.Resize(fyne.NewSize(1440, 900))
	rv := NewList(s)
	s.win.SetContent(rv.Object())
	rv.Reload()
	t.Cleanup(d.Settle)
	return rv, s, d
}

// storeICS puts the three plans of plantest.ThreeICS in the library.
func storeICS(t testing.TB, s *testShell) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, p := range plantest.ThreeICS() {
		id, err := s.lib.CreatePlan(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		ids[p.Name] = id
	}
	return ids
}

package exchange

import (
	"context"
	"fmt"
	"time"

	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// ImportedName is the name an imported plan is stored under: its own, or,
// when the library has a plan of that name already, "NAME (imported 4 Dec
// 2026)" (then ", 2", ", 3" for more the same day), so the copy and the
// original can be told apart in the list. It stays within the 200
// characters a name may have, shortening NAME if it must.
func ImportedName(name string, taken map[string]bool, today time.Time) string {
	if !taken[name] {
		return name
	}
	for n := 1; ; n++ {
		suffix := " (imported " + today.Format("2 Jan 2006") + ")"
		if n > 1 {
			suffix = fmt.Sprintf(" (imported %s, %d)", today.Format("2 Jan 2006"), n)
		}
		r := []rune(name)
		if room := plan.MaxNameLen - len([]rune(suffix)); len(r) > room {
			r = r[:room]
		}
		if candidate := string(r) + suffix; !taken[candidate] {
			return candidate
		}
	}
}

// PlanLister lists a library's plans (a *store.Library does).
type PlanLister interface {
	ListPlans(ctx context.Context) ([]store.PlanEntry, error)
}

// NameImport gives p, read from a file, the name it is stored under in
// lib (ImportedName, with the library's plans' names).
func NameImport(ctx context.Context, lib PlanLister, p *plan.Plan, today time.Time) error {
	plans, err := lib.ListPlans(ctx)
	if err != nil {
		return err
	}
	taken := make(map[string]bool, len(plans))
	for _, e := range plans {
		taken[e.Name] = true
	}
	p.Name = ImportedName(p.Name, taken, today)
	return nil
}

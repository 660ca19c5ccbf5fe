package store

import (
	"strings"
	"testing"
)

// A damaged setting or change time is reported, not read as "none".
func TestDamagedRowsAreReported(t *testing.T) {
	lib := openTemp(t)
	if _, err := lib.db.Exec("INSERT INTO settings (key, value) VALUES ('last_plan', 'x7')"); err != nil {
		t.Fatal(err)
	}
	if id, err := lib.LastPlan(ctx); err == nil || !strings.Contains(err.Error(), `"x7"`) {
		t.Errorf("last plan %d, error %v", id, err)
	}
	id, err := lib.CreatePlan(ctx, smallPlan(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.db.Exec("UPDATE plans SET updated_at = 'yesterday' WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	// one damaged plan does not stop the list: it is listed, marked
	list, err := lib.ListPlans(ctx)
	if err != nil || len(list) != 1 || !strings.Contains(list[0].Damaged, `"yesterday"`) {
		t.Errorf("list of a damaged plan: %+v %v", list, err)
	}
}

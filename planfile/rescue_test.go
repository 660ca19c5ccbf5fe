package planfile

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"example.org/psyplan/plan/plantest"
)

// Rescue gives what a refused file still holds, with Read's own error.
func TestRescueKeepsWhatCanBeRead(t *testing.T) {
	p := plantest.NationalV3()
	good, err := Write(p)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Rescue(good); err != nil || !reflect.DeepEqual(got, p) {
		t.Fatalf("a sound file: %v", err)
	}
	// a rule broken (a wrong type, then a value out of range): the rest is there
	for _, c := range []struct{ from, to, want string }{
		{`"intake": 1`, `"intake": "one"`, "cohorts["},
		{`"wte_per_head": 0.`, `"wte_per_head": -0.`, "professions["},
	} {
		broken := strings.Replace(string(good), c.from, c.to, 1)
		got, err := Rescue([]byte(broken))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Fatalf("%s: error %v", c.to, err)
		}
		if _, rerr := Read([]byte(broken)); rerr == nil || rerr.Error() != err.Error() {
			t.Errorf("%s: Read says %v", c.to, rerr)
		}
		if got == nil || got.Name != p.Name || len(got.Cohorts) != len(p.Cohorts) || len(got.Demand) != len(p.Demand) ||
			len(got.Budget) != len(p.Budget) {
			t.Errorf("%s: rescued too little", c.to)
		}
	}
	// not JSON, or not a plan file: nothing to rescue
	for _, file := range []string{"invalid-json-trailing-comma", "not-utf8", "format-wrong", "v3-version-4"} {
		data := readFile(t, filepath.Join("testdata", "bad", file+".json"))
		if got, err := Rescue(data); err == nil || got != nil {
			t.Errorf("%s: %+v %v", file, got, err)
		}
	}
}

package format

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// plain is the rule ParseNumber implements, written another way: a sign,
// then plain digits or groups of three after a first group of one to three
// digits not starting with 0, then a fraction; or a sign and a fraction.
var plain = regexp.MustCompile(`^[+-]?(([0-9]+|[1-9][0-9]{0,2}(,[0-9]{3})+)(\.[0-9]*)?|\.[0-9]+)$`)

// FuzzParseNumber checks that ParseNumber accepts exactly the plain
// decimals, reads them as strconv does without their commas, gives finite
// numbers that read back the same, and shows what was typed when it
// refuses. The seed corpus (testdata/fuzz/FuzzParseNumber) holds the
// probes of issue 8, so `go test` runs them.
func FuzzParseNumber(f *testing.F) {
	f.Add("1,250.5")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		trimmed := strings.TrimSpace(s)
		if err != nil {
			if plain.MatchString(trimmed) && !strings.Contains(err.Error(), "too large") {
				t.Fatalf("refused the plain decimal %q: %v", s, err)
			}
			if trimmed != "" && !strings.HasPrefix(err.Error(), Quote(s)) {
				t.Fatalf("the refusal of %q does not show it: %v", s, err)
			}
			return
		}
		if !plain.MatchString(trimmed) {
			t.Fatalf("accepted %q as %v", s, v)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || (v == 0 && math.Signbit(v)) {
			t.Fatalf("%q read as %v", s, v)
		}
		want, _ := strconv.ParseFloat(strings.ReplaceAll(trimmed, ",", ""), 64)
		if v != want {
			t.Fatalf("%q read as %v, want %v", s, v, want)
		}
		if back, err := ParseNumber(strconv.FormatFloat(v, 'f', -1, 64)); err != nil || back != v {
			t.Fatalf("%v written out reads back as %v, %v", v, back, err)
		}
	})
}

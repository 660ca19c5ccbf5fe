package planfile

import (
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

// shortNumber reads every number it takes as strconv.ParseFloat does, to
// the last bit (the sign of zero too), and leaves the rest to it: random
// numbers of 1 to 17 digits with the point anywhere, and the awkward ones.
func TestShortNumberIsParseFloat(t *testing.T) {
	cases := []string{"0", "-0", "0.0", "-0.0", "1", "12.5", "0.1", "0.3", "41000", "999999999999999", "1000000000000000",
		"0.000000000000001", "123456789012345", "1234567890123456", "9007199254740993", "-12.345", "1e5", "2.5E-3", "1.7976931348623157e308"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300_000 {
		digits := make([]byte, 1+r.IntN(17))
		for i := range digits {
			digits[i] = byte('0' + r.IntN(10))
		}
		if len(digits) > 1 {
			digits[0] = byte('1' + r.IntN(9)) // JSON has no leading zeros
		}
		s := string(digits)
		if at := r.IntN(len(digits) + 1); at < len(digits) && at > 0 {
			s = s[:at] + "." + s[at:]
		}
		if r.IntN(2) == 0 {
			s = "-" + s
		}
		cases = append(cases, s)
	}
	taken := 0
	for _, s := range cases {
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := shortNumber([]byte(s))
		if !ok {
			continue
		}
		taken++
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%s: got %v, ParseFloat gives %v", s, got, want)
		}
	}
	if taken < 150_000 {
		t.Errorf("only %d numbers taken: the test shows little", taken)
	}
	for _, s := range []string{"1234567890123456", "1e5", "2.5E-3", "9007199254740993"} {
		if _, ok := shortNumber([]byte(s)); ok {
			t.Errorf("%s taken: it is ParseFloat's", s)
		}
	}
}

// Items are read before their path is made (items, named): a message
// still names the item in full, and an item that is not an object is
// noted and left out of the list it is in.
func TestMessagesNameTheItem(t *testing.T) {
	data, err := os.ReadFile("testdata/good/small.psyplan.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), `"changes": [ { "month": "2021-04", "funded_wte_delta": 10 } ]`,
		`"changes": [ { "month": "2021-04", "funded_wte_delta": 10 }, 7, { "month": "2022-04", "funded_wte_delta": "x" } ]`, 1)
	s = strings.Replace(s, `"intake": 12,`, `"intake": 12.5,`, 1)
	p, err := Rescue([]byte(s))
	for _, want := range []string{"posts[0].changes[1]: must be an object", "posts[0].changes[2].funded_wte_delta: must be a number",
		"cohorts[0].intake: 12.5 is not a whole number"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in %v", want, err)
		}
	}
	if p == nil || len(p.Posts[0].Changes) != 2 || p.Posts[0].Changes[1].Month != plan.MonthOf(2022, 4) {
		t.Errorf("rescued changes: %+v", p)
	}
}

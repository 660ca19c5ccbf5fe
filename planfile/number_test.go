package planfile

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
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

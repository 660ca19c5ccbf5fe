package format

import (
	"math"
	"strings"
	"testing"
)

func TestPeopleFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{WTE(14210.46), "14,210.5"},
		{WTE(0.04), "0.0"},
		{WTE(-0.04), "0.0"},
		{WTE(-1130.26), "-1,130.3"},
		{Whole(999.5), "1,000"},
		{Whole(1234567), "1,234,567"},
		{Pounds(2300000), "£2,300,000"},
		{Pounds(-1200), "-£1,200"},
		{PoundsShort(2.3e9), "£2.3bn"},
		{PoundsShort(14.24e6), "£14.2m"},
		{PoundsShort(950000), "£950k"},
		{PoundsShort(420), "£420"},
		{Percent(7.2), "7.2 %"},
		{Percent(60), "60 %"},
		{Percent(-12.6), "-13 %"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Numbers as planners type them, and the probes of issue 8 that were
// read as something else before.
func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{
		"1,250.5": 1250.5, " 12 ": 12, "-3": -3, "+4": 4, "12,345,678": 12345678, "0.25": 0.25,
		"12.": 12, ".5": 0.5, "-0": 0, "007": 7, "999,999.999": 999999.999, "\u00a014\t": 14, "1,000": 1000,
	} {
		got, err := ParseNumber(in)
		if err != nil || got != want || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"2,5":                          `"2,5" is not a number (use . for decimals; commas only between groups of three digits)`,
		"1,2,3":                        `"1,2,3" is not a number (use . for decimals; commas only between groups of three digits)`,
		"1.250,5":                      `"1.250,5" is not a number (use . for decimals; commas only between groups of three digits)`,
		"0,500":                        `"0,500" is not a number (use . for decimals; commas only between groups of three digits)`,
		"1,2345":                       `"1,2345" is not a number (use . for decimals; commas only between groups of three digits)`,
		",123":                         `",123" is not a number (use . for decimals; commas only between groups of three digits)`,
		"25%":                          `"25%" is not a number (leave out the % sign)`,
		"£42,000":                      `"£42,000" is not a number (leave out the currency sign)`,
		"1e5":                          `"1e5" is not a number (write it out in full, without an exponent)`,
		"1.2.3":                        `"1.2.3" is not a number (only one decimal point)`,
		"TRUE":                         `"TRUE" is not a number`,
		"2_50":                         `"2_50" is not a number`,
		"0x1p4":                        `"0x1p4" is not a number`,
		"inf":                          `"inf" is not a number`,
		"-Inf":                         `"-Inf" is not a number`,
		"NaN":                          `"NaN" is not a number`,
		"1 000":                        `"1 000" is not a number`,
		"--1":                          `"--1" is not a number`,
		"-":                            `"-" is not a number`,
		".":                            `"." is not a number`,
		"12a":                          `"12a" is not a number`,
		"1\n2":                         `"1\n2" is not a number`,
		"":                             "a number is needed here",
		"   ":                          "a number is needed here",
		"1" + strings.Repeat("0", 400): `"1` + strings.Repeat("0", 59) + `"… is too large a number`,
	} {
		v, err := ParseNumber(in)
		if err == nil {
			t.Errorf("ParseNumber(%q) accepted as %v", in, v)
		} else if err.Error() != want {
			t.Errorf("ParseNumber(%q): %v\nwant %s", in, err, want)
		}
	}
}

// A signed change: a plus for a rise, a minus for a fall, and none for a
// change that rounds to nothing, whichever side of 0 it is.
func TestSignedNeverWritesPlusOrMinusZero(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Signed(12.4, Whole), "+12"},
		{Signed(-40, Whole), "-40"},
		{Signed(0, Whole), "0"},
		{Signed(0.3, Whole), "0"},
		{Signed(-0.3, Whole), "0"},
		{Signed(0.04, WTE), "0.0"},
		{Signed(-0.04, WTE), "0.0"},
		{Signed(1130.26, WTE), "+1,130.3"},
		{Signed(7.2, Percent), "+7.2 %"},
		{Signed(-12.6, Percent), "-13 %"},
		{Signed(-0.3, PoundsShort), "£0"},
		{Signed(2.3e9, PoundsShort), "+£2.3bn"},
		{Signed(math.NaN(), Whole), "–"},
		{PoundsShort(-0.3), "£0"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

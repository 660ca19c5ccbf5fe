package format

import "testing"

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

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"1,250.5": 1250.5, " 12 ": 12, "£42,000": 42000, "25%": 25, "-3": -3} {
		if got, err := ParseNumber(in); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "abc", "12a", "NaN", "Inf", "1.2.3"} {
		if _, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) accepted", in)
		}
	}
}

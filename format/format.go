// Package format writes numbers for people the way UK planners read
// them: WTE to one decimal, thousands separators, pounds, "Mar 2020",
// "2023/24". Data files keep full precision and never use it.
package format

import (
	"math"
	"strconv"
	"strings"
)

// WTE writes whole-time equivalents to one decimal: 14,210.5.
func WTE(x float64) string { return Fixed(x, 1) }

// Whole writes a number rounded to a whole one: 14,211.
func Whole(x float64) string { return Fixed(x, 0) }

// Pounds writes money to the pound: £2,300,000 (or -£1,200).
func Pounds(x float64) string {
	s := Whole(math.Abs(x))
	if math.Round(x) < 0 {
		return "-£" + s
	}
	return "£" + s
}

// PoundsShort writes large sums for headlines: £2.3bn, £14.2m, £950k.
func PoundsShort(x float64) string {
	a := math.Abs(x)
	sign := ""
	if x < 0 {
		sign = "-"
	}
	switch {
	case a >= 1e9:
		return sign + "£" + Fixed(a/1e9, 1) + "bn"
	case a >= 1e6:
		return sign + "£" + Fixed(a/1e6, 1) + "m"
	case a >= 1e4:
		return sign + "£" + Whole(a/1e3) + "k"
	}
	return sign + Pounds(a)
}

// Percent writes a percentage to the nearest whole: 7 %. Small ones keep
// a decimal so that 0.4 % does not read as nothing.
func Percent(x float64) string {
	if math.Abs(x) < 10 && math.Round(x) != x {
		return Fixed(x, 1) + " %"
	}
	return Whole(x) + " %"
}

// Fixed writes x with the given decimals and thousands separators, and
// never writes "-0".
func Fixed(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	out := group(intPart) + frac
	if neg && strings.Trim(out, "0.,") != "" {
		return "-" + out
	}
	return out
}

func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	b.WriteString(digits[:lead])
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// ParseNumber reads a number as people type it: "1,250.5", " 12 ",
// "£42,000", "25%". It refuses anything else.
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "£")
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	t = strings.ReplaceAll(t, ",", "")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &NumberError{Text: s}
	}
	return v, nil
}

// NumberError is text that is not a number.
type NumberError struct{ Text string }

func (e *NumberError) Error() string {
	if strings.TrimSpace(e.Text) == "" {
		return "a number is needed here"
	}
	return strconv.Quote(e.Text) + " is not a number"
}

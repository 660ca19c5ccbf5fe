// Package format writes numbers for people the way UK planners read
// them: WTE to one decimal, thousands separators, pounds, "Mar 2020",
// "2023/24". Data files keep full precision and never use it.
package format

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
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
	if x <= -0.5 { // less rounds to £0, which has no sign
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

// ParseNumber reads a number as a person types it into a form, a pasted
// row or a workbook cell: an optional sign, digits, an optional decimal
// point and fraction, and commas only between groups of three digits
// ("1,250.5", "12,345,678"). Spaces around it are ignored. Anything else
// is refused rather than guessed at: "2,5" may mean 2.5 to a colleague
// abroad, "25%" may mean 0.25, and "1e5" or "0x1p4" are not what a planner
// types. The error shows what was typed; callers add where it was.
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if !plainDecimal(t) {
		return 0, &NumberError{Text: s, Hint: hint(t)}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, &NumberError{Text: s, Hint: "too large"}
	}
	if v == 0 {
		v = 0 // never "-0"
	}
	return v, nil
}

// plainDecimal tells whether t is [+-] digits [. digits], where the whole
// part is either plain digits or comma-separated groups of three after a
// first group of one to three digits that does not start with 0 ("0,500"
// is someone's 0.5). "12." and ".5" are allowed; "." is not.
func plainDecimal(t string) bool {
	if t != "" && (t[0] == '-' || t[0] == '+') {
		t = t[1:]
	}
	whole, frac, _ := strings.Cut(t, ".")
	if !digitsOnly(frac) || (whole == "" && frac == "") {
		return false
	}
	if !strings.Contains(whole, ",") {
		return digitsOnly(whole)
	}
	groups := strings.Split(whole, ",")
	if first := groups[0]; len(first) < 1 || len(first) > 3 || first[0] == '0' || !digitsOnly(first) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !digitsOnly(g) {
			return false
		}
	}
	return true
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hint says what to change in text that is not a plain decimal, for the
// mistakes people make.
func hint(t string) string {
	switch {
	case t == "":
		return ""
	case strings.HasSuffix(t, "%"):
		return "leave out the % sign"
	case strings.ContainsAny(t, "£$€"):
		return "leave out the currency sign"
	case strings.ContainsAny(t, ","):
		return "use . for decimals; commas only between groups of three digits"
	case strings.ContainsAny(t, "eE") && strings.IndexFunc(t, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 &&
		strings.Trim(t, "+-.0123456789eE") == "":
		return "write it out in full, without an exponent"
	case strings.Count(t, ".") > 1:
		return "only one decimal point"
	}
	return ""
}

// NumberError is text that is not a number: Text is what was typed, Hint
// what to change (or "").
type NumberError struct{ Text, Hint string }

func (e *NumberError) Error() string {
	if strings.TrimSpace(e.Text) == "" {
		return "a number is needed here"
	}
	msg := Quote(e.Text) + " is not a number"
	if e.Hint == "too large" {
		return Quote(e.Text) + " is too large a number"
	}
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

// Quote shows typed text in a message: in quotes, control characters
// escaped (so a message is one line and nothing reaches a terminal), and
// cut short after 60 characters so a pasted page does not fill the screen.
func Quote(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) <= most {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:most])) + "…"
}

// Signed writes a change with its sign, by the writer given (Whole, WTE,
// Percent...): "+12", "-40 %". A change that rounds to nothing is written
// without a sign, never "+0" or "-0".
func Signed(x float64, write func(float64) string) string {
	s := write(x)
	if x > 0 && strings.ContainsAny(s, "123456789") {
		return "+" + s
	}
	if x < 0 && !strings.ContainsAny(s, "123456789") {
		return strings.TrimPrefix(s, "-")
	}
	return s
}

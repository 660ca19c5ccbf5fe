package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// Small helpers that turn typed text into plan values and back. Numbers
// are shown in full in the form (so they read back exactly) and for
// people in the tables.

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// typedDecimals is the most decimals a planner types: a value with more
// came from a projection or an import, and a form shows it rounded.
const typedDecimals = 3

// forForm is how a form field shows a value the plan holds exactly: as
// typed (12, 0.75, 12.5), or, when it has more decimals than anyone types
// (0.8986608064917128 from an import), to one decimal (0.9). Only what
// is shown is rounded: the plan keeps the value until the field is typed in.
func forForm(exact string) string {
	t := strings.TrimSpace(exact)
	dot := strings.IndexByte(t, '.')
	if dot < 0 || len(t)-dot-1 <= typedDecimals {
		return exact
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return exact // not a number: a name, a month
	}
	s := strconv.FormatFloat(x, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

func optNum(x *float64) string {
	if x == nil {
		return ""
	}
	return num(*x)
}

// parseNum reads a number as people type it.
func parseNum(text string) (float64, error) { return format.ParseNumber(text) }

// parseOptNum reads a number, or nothing (blank) for "not set".
func parseOptNum(text string) (*float64, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	v, err := parseNum(text)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// parseWhole reads a whole number.
func parseWhole(text string) (int, error) {
	v, err := parseNum(text)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		return 0, fmt.Errorf("%s is not a whole number", strings.TrimSpace(text))
	}
	return int(v), nil
}

const (
	yes = "yes"
	no  = "no"
)

func yesNo(on bool) string {
	if on {
		return yes
	}
	return no
}

// parseYesNo reads a tick box's cell as the workbook does: yes, true or
// on; no, false or off; blank for def.
func parseYesNo(text string, def bool) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "yes", "true", "on":
		return true, nil
	case "no", "false", "off":
		return false, nil
	case "":
		return def, nil
	}
	return def, fmt.Errorf("%q: write yes or no", strings.TrimSpace(text))
}

// parseNumOr is parseNum where blank means def.
func parseNumOr(def float64, text string) (float64, error) {
	if strings.TrimSpace(text) == "" {
		return def, nil
	}
	return parseNum(text)
}

// parseWholeOr is parseWhole where blank means def.
func parseWholeOr(def int, text string) (int, error) {
	if strings.TrimSpace(text) == "" {
		return def, nil
	}
	return parseWhole(text)
}

// sameValueOr is sameValue for a field where blank means def, so clearing
// it to type afresh does not bring def back under the cursor.
func sameValueOr(def string) func(a, b string) bool {
	return func(a, b string) bool {
		if strings.TrimSpace(a) == "" {
			a = def
		}
		return sameValue(a, b)
	}
}

// parseMonth reads "2021-04", "Apr 2021" or "April 2021".
func parseMonth(text string) (plan.Month, error) {
	t := strings.TrimSpace(text)
	if m, err := plan.ParseMonth(t); err == nil {
		return m, nil
	}
	parts := strings.Fields(t)
	if len(parts) == 2 && len(parts[0]) >= 3 {
		name := strings.ToLower(parts[0][:3])
		for i, n := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
			if n == name {
				if y, err := strconv.Atoi(parts[1]); err == nil && y >= plan.MinYear && y <= plan.MaxYear {
					return plan.MonthOf(y, i+1), nil
				}
			}
		}
	}
	if t == "" {
		return 0, fmt.Errorf("a month is needed here, such as Apr 2021")
	}
	return 0, fmt.Errorf("%q is not a month: write it as Apr 2021 or 2021-04", t)
}

func wteCell(x float64) string { return format.WTE(x) }

func pctCell(x float64) string { return format.Fixed(x, -1) + " %" }

func optPctCell(x *float64, fallback string) string {
	if x == nil {
		return fallback
	}
	return pctCell(*x)
}

// professionNames lists the plan's professions for drop-downs.
func professionNames(p *plan.Plan) []string {
	names := make([]string, len(p.Professions))
	for i, prof := range p.Professions {
		names[i] = prof.Name
	}
	return names
}

// professionName is the name of profession id (the id itself if the plan
// has no such profession).
func professionName(p *plan.Plan, id string) string {
	if prof := p.Profession(id); prof != nil {
		return prof.Name
	}
	return id
}

// professionID is the id of the profession chosen by name (or typed as an id).
func professionID(p *plan.Plan, name string) string {
	for _, prof := range p.Professions {
		if prof.Name == name {
			return prof.ID
		}
	}
	return name
}

// ServiceAreas are the Long Term Plan's service areas, offered first.
var ServiceAreas = []string{"Perinatal", "Children and young people", "Adult common mental health problems",
	"Adult severe mental illness", "Older adults"}

// nearArea warns when sa is new to the plan yet close to a service area
// it has, or to one of the Long Term Plan's: the same but for capitals,
// or the initials of one ("CYP" for "Children and young people"). Each
// name is its own line, so the planner may have meant the other.
func nearArea(p *plan.Plan, sa string) string {
	if usedElsewhere(p, sa) {
		return ""
	}
	for _, other := range planServiceAreas(p) {
		if other == sa {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(other), strings.TrimSpace(sa)) || abbreviates(sa, other) || abbreviates(other, sa) {
			return fmt.Sprintf("Service area: %q is new to this plan and close to %q; each name is a service area of its own, "+
				"so choose %q from the list if that is what you meant.", sa, other, other)
		}
	}
	return ""
}

// usedElsewhere tells whether more than one post line or cohort names sa:
// the one being typed and another, so it is not new to the plan.
func usedElsewhere(p *plan.Plan, sa string) bool {
	n := 0
	for _, l := range p.Posts {
		if l.ServiceArea == sa {
			n++
		}
	}
	for _, c := range p.Cohorts {
		if c.ServiceArea == sa {
			n++
		}
	}
	return n > 1
}

// abbreviates tells whether short, one word of two to six letters, is a
// run of the initials of long's words ("CYP", "SMI" for "Adult severe
// mental illness"), the small words ("and", "of") left out.
func abbreviates(short, long string) bool {
	s := strings.ToLower(strings.TrimSpace(short))
	if len(s) < 2 || len(s) > 6 || strings.ContainsFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) {
		return false
	}
	var initials strings.Builder
	words := strings.Fields(strings.ToLower(long))
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		switch w {
		case "and", "of", "the", "with", "for", "&":
			continue
		}
		initials.WriteByte(w[0])
	}
	return strings.Contains(initials.String(), s)
}

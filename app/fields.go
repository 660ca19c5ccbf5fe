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

package report

import (
	"fmt"
	"strconv"
	"sync"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"example.org/psyplan/plan"
)

var (
	goFont     *sfnt.Font
	goFontOnce sync.Once
)

// drawable tells whether the report's font has a glyph for r. buf is the
// font's scratch space, one per caller.
func drawable(buf *sfnt.Buffer, r rune) bool {
	if r >= ' ' && r <= '~' || r == '\n' || r == '\t' {
		return true // the Go fonts draw all of ASCII
	}
	goFontOnce.Do(func() { goFont, _ = sfnt.Parse(goregular.TTF) })
	if goFont == nil {
		return true
	}
	g, err := goFont.GlyphIndex(buf, r)
	return err == nil && g != 0
}

// checkPrintable names the first field of the plan that the report would
// print with a character its font cannot draw (an emoji in the name, say),
// so the planner knows what to change; the PDF library itself would only
// say "character outside the supported range".
func checkPrintable(p *plan.Plan) error {
	var buf sfnt.Buffer
	checked := map[string]bool{} // a national plan names each service area thousands of times
	for _, f := range [][2]string{{"name", p.Name}, {"area", p.Area}, {"notes", p.Notes}} {
		if err := checkText(&buf, f[0], f[1]); err != nil {
			return err
		}
	}
	// each list's field, its path made only for a message (a national
	// plan has 30,000 of them)
	lists := []struct {
		list, field string
		n           int
		text        func(i int) string
	}{
		{"professions", "name", len(p.Professions), func(i int) string { return p.Professions[i].Name }},
		{"posts", "service_area", len(p.Posts), func(i int) string { return p.Posts[i].ServiceArea }},
		{"cohorts", "service_area", len(p.Cohorts), func(i int) string { return p.Cohorts[i].ServiceArea }},
		{"scenarios", "name", len(p.Scenarios), func(i int) string { return p.Scenarios[i].Name }},
		{"demand", "service_area", len(p.Demand), func(i int) string { return p.Demand[i].ServiceArea }},
	}
	for _, l := range lists {
		for i := range l.n {
			text := l.text(i)
			if checked[text] {
				continue
			}
			checked[text] = true
			if r, ok := undrawable(&buf, text); ok {
				return undrawableError(l.list+"["+strconv.Itoa(i)+"]."+l.field, text, r)
			}
		}
	}
	return nil
}

// checkText names the first character of text, a field of what the
// report prints, that its font cannot draw. buf is the font's scratch
// space, one per caller.
func checkText(buf *sfnt.Buffer, field, text string) error {
	if r, ok := undrawable(buf, text); ok {
		return undrawableError(field, text, r)
	}
	return nil
}

// undrawable is the first character of text the report's font cannot
// draw, if any.
func undrawable(buf *sfnt.Buffer, text string) (rune, bool) {
	for _, r := range text {
		if !drawable(buf, r) {
			return r, true
		}
	}
	return 0, false
}

func undrawableError(field, text string, r rune) error {
	return fmt.Errorf("%s: %q has the character %q, which the report's font cannot print; change it to make the report",
		field, text, string(r))
}

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
	check := func(field, text string) error {
		if checked[text] {
			return nil
		}
		checked[text] = true
		return checkText(&buf, field, text)
	}
	fields := [][2]string{{"name", p.Name}, {"area", p.Area}, {"notes", p.Notes}}
	for i, prof := range p.Professions {
		fields = append(fields, [2]string{"professions[" + strconv.Itoa(i) + "].name", prof.Name})
	}
	for i, l := range p.Posts {
		fields = append(fields, [2]string{"posts[" + strconv.Itoa(i) + "].service_area", l.ServiceArea})
	}
	for i, c := range p.Cohorts {
		fields = append(fields, [2]string{"cohorts[" + strconv.Itoa(i) + "].service_area", c.ServiceArea})
	}
	for i, s := range p.Scenarios {
		fields = append(fields, [2]string{"scenarios[" + strconv.Itoa(i) + "].name", s.Name})
	}
	for i, d := range p.Demand {
		fields = append(fields, [2]string{"demand[" + strconv.Itoa(i) + "].service_area", d.ServiceArea})
	}
	for _, f := range fields {
		if err := check(f[0], f[1]); err != nil {
			return err
		}
	}
	return nil
}

// checkText names the first character of text, a field of what the
// report prints, that its font cannot draw. buf is the font's scratch
// space, one per caller.
func checkText(buf *sfnt.Buffer, field, text string) error {
	for _, r := range text {
		if !drawable(buf, r) {
			return fmt.Errorf("%s: %q has the character %q, which the report's font cannot print; change it to make the report",
				field, text, string(r))
		}
	}
	return nil
}

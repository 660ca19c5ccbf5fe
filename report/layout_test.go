package report

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"example.org/psyplan/plan"
)

// These helpers read back where each piece of text went in a report:
// the PDF is written uncompressed, each page's text is taken from its
// content stream, and measured with the report's own fonts.

// textBox is one piece of text on a page, in mm from the page's top left.
type textBox struct {
	text                     string
	left, right, top, bottom float64
	baseline                 float64
}

// writePages writes the report of p (its own projection) and reads back
// each page's text.
func writePages(t *testing.T, p *plan.Plan, today plan.Month) [][]textBox {
	t.Helper()
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	uncompressed = true
	defer func() { uncompressed = false }()
	var buf bytes.Buffer
	if err := Write(&buf, p, pr, today); err != nil {
		t.Fatal(err)
	}
	return readPages(t, buf.Bytes())
}

var (
	contentsRef = regexp.MustCompile(`/Type /Page\n(?:[^\n]*\n)*?/Contents (\d+) 0 R`)
	textOp      = regexp.MustCompile(`BT (?:/F([0-9a-zA-Z]+) ([0-9.]+) Tf ET|(-?[0-9.]+) (-?[0-9.]+) Td \()`)
)

// readPages reads every page's text boxes from an uncompressed PDF.
func readPages(t *testing.T, pdf []byte) [][]textBox {
	t.Helper()
	fonts := fontStyles(t)
	var pages [][]textBox
	for _, m := range contentsRef.FindAllSubmatch(pdf, -1) {
		head := []byte(fmt.Sprintf("\n%s 0 obj\n<</Length ", m[1]))
		at := bytes.Index(pdf, head)
		if at < 0 {
			t.Fatalf("no contents object %s", m[1])
		}
		rest := pdf[at+len(head):]
		end := bytes.Index(rest, []byte(">>\nstream\n"))
		n, err := strconv.Atoi(string(rest[:end]))
		if err != nil {
			t.Fatalf("contents %s: %v", m[1], err)
		}
		stream := rest[end+len(">>\nstream\n"):][:n]
		pages = append(pages, pageBoxes(t, stream, fonts))
	}
	if len(pages) == 0 {
		t.Fatal("no pages read")
	}
	return pages
}

// pageBoxes follows a content stream: the font in use, and each text.
func pageBoxes(t *testing.T, s []byte, fonts map[string]string) []textBox {
	const k = 72 / 25.4 // points a mm
	var out []textBox
	style, size := "", 0.0
	for len(s) > 0 {
		m := textOp.FindSubmatchIndex(s)
		if m == nil {
			break
		}
		if m[2] >= 0 { // a font
			var ok bool
			if style, ok = fonts[string(s[m[2]:m[3]])]; !ok {
				t.Fatalf("an unknown font %s", s[m[2]:m[3]])
			}
			size, _ = strconv.ParseFloat(string(s[m[4]:m[5]]), 64)
			s = s[m[1]:]
			continue
		}
		x, _ := strconv.ParseFloat(string(s[m[6]:m[7]]), 64)
		y, _ := strconv.ParseFloat(string(s[m[8]:m[9]]), 64)
		text, rest := pdfString(s[m[1]:])
		s = rest
		fs := size / k
		left, base := x/k, pageH-y/k
		w := measure(style, size, text)
		out = append(out, textBox{text: text, left: left, right: left + w, top: base - 0.75*fs, bottom: base + 0.21*fs, baseline: base})
	}
	return out
}

// pdfString reads an escaped UTF-16 string up to its closing parenthesis.
func pdfString(s []byte) (string, []byte) {
	var raw []byte
	i := 0
	for ; i < len(s) && s[i] != ')'; i++ {
		if s[i] == '\\' {
			i++
			if s[i] == 'r' {
				raw = append(raw, '\r')
				continue
			}
		}
		raw = append(raw, s[i])
	}
	units := make([]uint16, len(raw)/2)
	for j := range units {
		units[j] = uint16(raw[2*j])<<8 | uint16(raw[2*j+1])
	}
	return string(utf16.Decode(units)), s[i+1:]
}

var probe *fpdf.Fpdf

// fontStyles finds the report's fonts' names in a PDF: a page written
// with each.
func fontStyles(t *testing.T) map[string]string {
	t.Helper()
	pdf := newProbe()
	pdf.SetCompression(false)
	pdf.AddPage()
	for _, style := range []string{"", "B"} {
		pdf.SetFont(font, style, 10)
		pdf.Cell(10, 5, "x")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	found := regexp.MustCompile(`/F([0-9a-zA-Z]+) 10.00 Tf`).FindAllSubmatch(buf.Bytes(), -1)
	if len(found) != 2 {
		t.Fatalf("fonts %q", found)
	}
	return map[string]string{string(found[0][1]): "", string(found[1][1]): "B"}
}

func newProbe() *fpdf.Fpdf {
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(font, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(font, "B", gobold.TTF)
	return pdf
}

// measure is the width of text in mm, as the report's fonts set it.
func measure(style string, size float64, text string) float64 {
	if probe == nil {
		probe = newProbe()
		probe.AddPage()
	}
	probe.SetFont(font, style, size)
	return probe.GetStringWidth(text)
}

// checkLayout wants every text box inside the page's margins (the footer
// below them, inside the page) and no two boxes on a page overlapping.
func checkLayout(t *testing.T, name string, pages [][]textBox) {
	t.Helper()
	for _, p := range layoutProblems(pages) {
		t.Errorf("%s %s", name, p)
	}
}

func layoutProblems(pages [][]textBox) []string {
	const eps = 0.05
	var out []string
	for n, boxes := range pages {
		for _, b := range boxes {
			footer := b.top > pageH-margin
			switch {
			case b.left < margin-eps || b.right > pageW-margin+eps:
				out = append(out, fmt.Sprintf("page %d: %q runs past the side margins (%.1f to %.1f mm)", n+1, b.text, b.left, b.right))
			case b.top < margin-2:
				out = append(out, fmt.Sprintf("page %d: %q is above the top margin (%.1f mm)", n+1, b.text, b.top))
			case !footer && b.bottom > pageH-margin+eps:
				out = append(out, fmt.Sprintf("page %d: %q runs into the bottom margin (%.1f mm)", n+1, b.text, b.bottom))
			case footer && b.bottom > pageH-5:
				out = append(out, fmt.Sprintf("page %d: the footer %q is off the page (%.1f mm)", n+1, b.text, b.bottom))
			}
		}
		for i, a := range boxes {
			for _, b := range boxes[i+1:] {
				if min(a.right, b.right)-max(a.left, b.left) > eps && min(a.bottom, b.bottom)-max(a.top, b.top) > eps {
					out = append(out, fmt.Sprintf("page %d: %q (%.1f-%.1f, %.1f) overlaps %q (%.1f-%.1f, %.1f)", n+1,
						a.text, a.left, a.right, a.baseline, b.text, b.left, b.right, b.baseline))
				}
			}
		}
	}
	return out
}

// The layout check finds what it is for: text running into the next
// cell, past the right margin or into the bottom margin, read back from
// a PDF written as the report writes one.
func TestLayoutCheckFindsProblems(t *testing.T) {
	pdf := newProbe()
	pdf.SetCompression(false)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddPage()
	pdf.SetFont(font, "", 9)
	pdf.CellFormat(20, 6, "a name far too long for its cell (1)", "", 0, "L", false, 0, "")
	pdf.CellFormat(30, 6, "£1.2m (2)", "", 1, "R", false, 0, "")
	pdf.SetX(pageW - margin - 20)
	pdf.CellFormat(20, 6, "runs past the margin (3)", "", 1, "L", false, 0, "")
	pdf.SetXY(margin, pageH-margin-2)
	pdf.CellFormat(20, 6, "low (4)", "", 1, "L", false, 0, "")
	pdf.SetFont(font, "B", 9)
	pdf.SetXY(margin, 100)
	pdf.CellFormat(20, 6, "ΑΒΓ (5) ünïcødé", "", 1, "L", false, 0, "")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pages := readPages(t, buf.Bytes())
	if got := len(pages[0]); got != 5 || pages[0][4].text != "ΑΒΓ (5) ünïcødé" {
		t.Fatalf("read %d texts: %+v", got, pages[0])
	}
	problems := strings.Join(layoutProblems(pages), "\n")
	for _, want := range []string{`"a name far too long for its cell (1)" (`, "overlaps \"£1.2m (2)\"",
		`"runs past the margin (3)" runs past the side margins`, `"low (4)" runs into the bottom margin`} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems:\n%s\nwant %s", problems, want)
		}
	}
	if strings.Contains(problems, "(5)") {
		t.Errorf("a text in its place is a problem:\n%s", problems)
	}
}

// lines are a page's texts, grouped by baseline, left to right.
func lines(boxes []textBox) [][]string {
	sorted := append([]textBox(nil), boxes...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if math.Abs(sorted[i].baseline-sorted[j].baseline) > 0.05 {
			return sorted[i].baseline < sorted[j].baseline
		}
		return sorted[i].left < sorted[j].left
	})
	var out [][]string
	last := math.Inf(-1)
	for _, b := range sorted {
		if math.Abs(b.baseline-last) > 0.05 {
			out = append(out, nil)
			last = b.baseline
		}
		out[len(out)-1] = append(out[len(out)-1], b.text)
	}
	return out
}

// pagesTitled are the pages whose first line (the heading) starts with title.
func pagesTitled(pages [][]textBox, title string) [][]textBox {
	var out [][]textBox
	for _, boxes := range pages {
		if ls := lines(boxes); len(ls) > 0 && strings.HasPrefix(strings.Join(ls[0], " "), title) {
			out = append(out, boxes)
		}
	}
	return out
}

// hasLine tells whether a page has a line of exactly these texts.
func hasLine(boxes []textBox, want []string) bool {
	for _, l := range lines(boxes) {
		if strings.Join(l, "|") == strings.Join(want, "|") {
			return true
		}
	}
	return false
}

// pageText is all of a page's text, a line a line.
func pageText(boxes []textBox) string {
	var b strings.Builder
	for _, l := range lines(boxes) {
		b.WriteString(strings.Join(l, " ") + "\n")
	}
	return b.String()
}

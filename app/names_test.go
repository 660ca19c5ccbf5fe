package app

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/plan"
)

// showView selects the named screen, as a click on its tab does, and lays
// the window out.
func showView(t *testing.T, ui *UI, name string) {
	t.Helper()
	showTab(t, ui, name)
	relayout(ui.win.Content(), ui.win.Canvas().Size())
}

// shown is the width a piece of text needs in the window's type, with a
// label's padding either side.
func shown(text string, bold bool) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + 2*theme.InnerPadding()
}

// The Overview's chart chooser reads every chart's name whole ("Growth
// ag…" was all it showed).
func TestChartChooserReadsEveryNameWhole(t *testing.T) {
	ui, _, _ := newTestUI(t)
	showView(t, ui, "Overview")
	sel := ui.overview.kindSel
	for _, name := range sel.Options {
		sel.SetSelected(name)
		relayout(ui.win.Content(), ui.win.Canvas().Size())
		var label *widget.RichText
		walk(sel, func(o fyne.CanvasObject) {
			if r, ok := o.(*widget.RichText); ok {
				label = r
			}
		})
		if label == nil {
			t.Fatal("the chooser shows no words")
		}
		if got, need := label.Size().Width, shown(name, false)-theme.InnerPadding(); got < need {
			t.Errorf("%q has %v px, needs %v", name, got, need)
		}
	}
	sel.SetSelected(sel.Options[0])
	if ui.overview.chart.Growth() == nil {
		t.Error("choosing the first name did not draw the growth chart")
	}
}

// Side by side shows a long scenario name whole, wrapped in its header
// ("Solved: recruitment +1…" was cut).
func TestSideBySideShowsLongNamesWhole(t *testing.T) {
	ui, _, _ := newTestUI(t)
	long := "Solved: recruitment +12 % to reach the trajectory by Apr 2024"
	err := ui.session.Edit("", func(p *plan.Plan) error {
		p.Scenarios = append(p.Scenarios, plan.Scenario{Name: long})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	showView(t, ui, "Side by side")
	ui.compare.table.ScrollToTrailing()
	relayout(ui.win.Content(), ui.win.Canvas().Size())
	var cell *widget.Label
	walk(ui.compare.table, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == long && l.Visible() {
			cell = l
		}
	})
	if cell == nil {
		t.Fatal("the long name is not shown")
	}
	if cell.Truncation != fyne.TextTruncateOff {
		t.Error("the name's cell cuts it")
	}
	size, need := cell.Size(), cell.MinSize()
	if size.Height < need.Height || size.Width < need.Width {
		t.Errorf("the name's cell is %v, its words need %v", size, need)
	}
	if lines := need.Height / fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{Bold: true}).Height; lines < 1.9 {
		t.Errorf("a name wider than its column on one line? %v x %v", size.Width, need.Height)
	}
}

// The scenarios' tables give profession names the room they need
// ("Psychological wellbeing ..." could be read only in the form).
func TestScenarioTablesShowWholeProfessionNames(t *testing.T) {
	ui, _, _ := newTestUI(t)
	showView(t, ui, "Scenarios")
	v := ui.views[ui.tabs.SelectedIndex()]
	v.first()
	relayout(ui.win.Content(), ui.win.Canvas().Size())
	table := firstTable(v.object) // the profession assumptions, shown
	found := 0
	walk(table, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || !l.Visible() || professionID(ui.session.Plan(), l.Text) == "" {
			return
		}
		found++
		if got, need := l.Size().Width, shown(l.Text, false); got < need {
			t.Errorf("%q has %v px, needs %v", l.Text, got, need)
		}
	})
	if found < 2 {
		t.Fatalf("%d profession names shown", found)
	}
}

// The Model screen explains the rules without the names of the tests that
// pin them (those stay in docs/model.md, for developers); the rules and
// their worked numbers are all there.
func TestModelScreenNamesNoTests(t *testing.T) {
	v := newModelView()
	var text strings.Builder
	walk(v.object, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RichText); ok {
			for _, seg := range r.Segments {
				writeSegment(&text, seg)
			}
		}
	})
	words := text.String()
	if m := regexp.MustCompile(`Test[A-Z]\w+|Tests?:|plan/`).FindString(words); m != "" {
		t.Errorf("the Model screen shows %q", m)
	}
	for _, want := range []string{"monthly rate = 1 - (1 - yearly", "10 trainees,", "Giving up.", "What the model leaves out"} {
		if !strings.Contains(words, want) {
			t.Errorf("the Model screen lost %q", want)
		}
	}
}

// writeSegment writes a rich text's segment's words, a list's items' too.
func writeSegment(out *strings.Builder, seg widget.RichTextSegment) {
	switch sg := seg.(type) {
	case *widget.ListSegment:
		for _, item := range sg.Items {
			writeSegment(out, item)
		}
	case *widget.ParagraphSegment:
		for _, t := range sg.Texts {
			writeSegment(out, t)
		}
	default:
		out.WriteString(seg.Textual())
	}
	out.WriteString(" ")
}

// The posts and trainees tables give profession and service area names
// the room they need ("Adult common mental hea…" was cut).
func TestRecordTablesShowWholeNames(t *testing.T) {
	ui, _, _ := newTestUI(t)
	for _, screen := range []string{"Posts", "Trainees"} {
		showView(t, ui, screen)
		v := ui.views[ui.tabs.SelectedIndex()]
		relayout(ui.win.Content(), ui.win.Canvas().Size())
		areas := map[string]bool{}
		for _, sa := range planServiceAreas(ui.session.Plan()) {
			areas[sa] = true
		}
		table := firstTable(v.object) // the records' table
		found := 0
		walk(table, func(o fyne.CanvasObject) {
			l, ok := o.(*widget.Label)
			if !ok || !l.Visible() || (!isProfessionName(ui.session.Plan(), l.Text) && !areas[l.Text]) {
				return
			}
			found++
			if got, need := l.Size().Width, shown(l.Text, false); got < need {
				t.Errorf("%s: %q has %v px, needs %v", screen, l.Text, got, need)
			}
		})
		if found < 2 {
			t.Fatalf("%s: %d names shown", screen, found)
		}
	}
}

func isProfessionName(p *plan.Plan, name string) bool {
	for _, prof := range p.Professions {
		if prof.Name == name {
			return true
		}
	}
	return false
}

// firstTable is the first table in o, nil if it has none.
func firstTable(o fyne.CanvasObject) *widget.Table {
	var table *widget.Table
	walk(o, func(o fyne.CanvasObject) {
		if tb, ok := o.(*widget.Table); ok && table == nil {
			table = tb
		}
	})
	return table
}

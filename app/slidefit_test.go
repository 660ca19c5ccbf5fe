package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Every slide reads at 1920 x 1080 and at 1280 x 720: no label, button or
// tick box is given less room than its words need or lies past the
// window's edge, and the chart's words are whole, inside the chart and
// apart (its legend included).
func TestEverySlideFits(t *testing.T) {
	ui, _, _ := newTestUI(t)
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}} {
		ui.win.Resize(size)
		ui.present()
		ps := ui.presenting
		if size.Width < 1500 { // a what-if: the plan as it stands is drawn too, and named in the legend
			ps.intake.SetValue(50)
		}
		for range ps.slideCount() {
			where := fmt.Sprintf("slide %d (%s) at %v x %v", ps.slide+1, ps.title.Text, size.Width, size.Height)
			relayout(ui.win.Content(), size)
			for _, m := range misfits(ui.win.Content(), size) {
				t.Errorf("%s: %s", where, m)
			}
			cs := ps.chart.Size()
			if cs.Width < size.Width*0.9 || cs.Height < size.Height*0.4 {
				t.Errorf("%s: the chart has only %v x %v", where, cs.Width, cs.Height)
			}
			w, h := int(cs.Width), int(cs.Height)
			ps.chart.Draw(w, h)
			for _, m := range ps.chart.Frame().Misfits(w, h) {
				t.Errorf("%s, in the chart: %s", where, m)
			}
			if dir := os.Getenv("PSYPLAN_SLIDE_SHOTS"); dir != "" {
				name := filepath.Join(dir, fmt.Sprintf("slide-%02d-%v.png", ps.slide+1, size.Width))
				if err := savePNG(name, ui.win.Canvas().Capture()); err != nil {
					t.Fatal(err)
				}
			}
			ps.move(1)
		}
		ui.leavePresentation()
	}
}

// relayout lays every container and widget out again at the sizes they
// have, from the top: the test canvas, unlike a window, does not redo a
// layout when a label's words change. Twice, for wrapped words' heights.
func relayout(root fyne.CanvasObject, size fyne.Size) {
	for range 2 {
		root.Resize(size)
		var visit func(o fyne.CanvasObject)
		visit = func(o fyne.CanvasObject) {
			switch c := o.(type) {
			case *fyne.Container:
				if c.Layout != nil {
					c.Layout.Layout(c.Objects, c.Size())
				}
				for _, child := range c.Objects {
					visit(child)
				}
			case fyne.Widget:
				r := test.WidgetRenderer(c)
				r.Layout(c.Size())
				for _, child := range r.Objects() {
					visit(child)
				}
			}
		}
		visit(root)
	}
}

// misfits lists the labels, buttons and tick boxes shown under root that
// are narrower or shorter than their words need, or reach past size.
func misfits(root fyne.CanvasObject, size fyne.Size) []string {
	var out []string
	const slack = 0.5
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		name, need := "", fyne.Size{}
		switch w := o.(type) {
		case *widget.Label:
			name, need = "label "+quote(w.Text), w.MinSize()
			if w.Truncation != fyne.TextTruncateOff && w.Wrapping == fyne.TextWrapOff { // its least size says nothing of its words
				th := fyne.CurrentApp().Settings().Theme()
				sizeName := w.SizeName
				if sizeName == "" {
					sizeName = theme.SizeNameText
				}
				need.Width = fyne.MeasureText(w.Text, th.Size(sizeName), w.TextStyle).Width + 2*th.Size(theme.SizeNameInnerPadding)
			}
		case *widget.Button:
			name, need = "button "+quote(w.Text), w.MinSize()
		case *widget.Check:
			name, need = "tick box "+quote(w.Text), w.MinSize()
		}
		if name != "" && strings.TrimSpace(name) != "" {
			got := o.Size()
			switch {
			case got.Width+slack < need.Width || got.Height+slack < need.Height:
				out = append(out, fmt.Sprintf("%s has %v x %v, needs %v x %v", name, got.Width, got.Height, need.Width, need.Height))
			case at.X < -slack || at.Y < -slack || at.X+got.Width > size.Width+slack || at.Y+got.Height > size.Height+slack:
				out = append(out, fmt.Sprintf("%s at %v, %v (%v x %v) is past the window's edge", name, at.X, at.Y, got.Width, got.Height))
			}
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				visit(child, at)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				visit(child, at)
			}
		}
	}
	visit(root, fyne.Position{})
	return out
}

func quote(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

// Keep as scenario asks for the name in a box wide enough to read it
// (it was 110 px), keeps the what-if under it, and says so beside the
// button: the slide's sentence stays the chart's.
func TestKeepAsScenarioKeepsTheSlidesSentence(t *testing.T) {
	ui, _, _ := newTestUI(t)
	ui.win.Resize(fyne.NewSize(1280, 720))
	ui.present()
	ps := ui.presenting
	ps.intake.SetValue(50)
	said := ps.sentence.Text
	ps.keepAsScenario()
	form := ui.win.Canvas().Overlays().Top()
	if form == nil {
		t.Fatal("no dialog")
	}
	var name *widget.Entry
	walk(form, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			name = e
		}
	})
	if name == nil {
		t.Fatal("no name box")
	}
	if w := name.Size().Width; w < 400 {
		t.Errorf("the name box is %v px wide", w)
	}
	if dir := os.Getenv("PSYPLAN_SLIDE_SHOTS"); dir != "" {
		if err := savePNG(filepath.Join(dir, "keep-as-scenario-1280.png"), ui.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	name.SetText("Half as many again in training")
	test.Tap(button(t, form, "Keep"))
	if ui.session.Plan().Scenario("Half as many again in training") == nil {
		t.Fatal("the scenario was not kept")
	}
	if ps.sentence.Text != said {
		t.Errorf("the slide's sentence became %q (was %q)", ps.sentence.Text, said)
	}
	if want := `Kept as the scenario "Half as many again in training".`; ps.kept.Text != want {
		t.Errorf("beside the button: %q, want %q", ps.kept.Text, want)
	}
}

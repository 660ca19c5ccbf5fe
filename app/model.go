package app

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/docs"
)

// newModelView explains the projection in plain English, as docs/model.md
// does, without the names of the tests that pin each rule: those are for
// developers, and stay in the document.
func newModelView() *view {
	text := widget.NewRichTextFromMarkdown(forPlanners(docs.Model))
	text.Wrapping = fyne.TextWrapWord
	steady := container.New(steadyMin{fyne.NewSize(320, 200)}, container.NewVScroll(text))
	return &view{name: "Model", object: steady}
}

// steadyMin lays its objects over all its room and asks a fixed least
// size. The window works out the tabs' least size at every frame that
// anything changed, and the model's pages of wrapped text took 3 ms to
// measure each time: a tenth of the window's time while typing.
type steadyMin struct{ least fyne.Size }

func (l steadyMin) MinSize([]fyne.CanvasObject) fyne.Size { return l.least }

func (l steadyMin) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// testNotes are the document's notes on tests: "*Test: `TestX` (...).*"
// or "*Tests: ...*", over one line or several.
var testNotes = regexp.MustCompile(`\s*\*Tests?: [^*]*\*`)

// forDevelopers is the document's sentence that tells of those notes.
const forDevelopers = "\nEach rule names the test in `plan/` that pins it with numbers worked out by hand."

// forPlanners is the model document without its notes on tests.
func forPlanners(md string) string {
	return testNotes.ReplaceAllString(strings.Replace(md, forDevelopers, "", 1), "")
}

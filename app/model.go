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
	return &view{name: "Model", object: container.NewVScroll(text)}
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

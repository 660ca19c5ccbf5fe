package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/docs"
)

// newModelView explains the projection in plain English, as docs/model.md does.
func newModelView() *view {
	text := widget.NewRichTextFromMarkdown(docs.Model)
	text.Wrapping = fyne.TextWrapWord
	return &view{name: "Model", object: container.NewVScroll(text)}
}

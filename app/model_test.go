package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The Model screen asks a fixed least size, so the window does not
// measure its pages of text at every frame, and still shows the text over
// all its room.
func TestModelScreenAsksAFixedLeastSize(t *testing.T) {
	test.NewTempApp(t)
	v := newModelView()
	if got := v.object.MinSize(); got != fyne.NewSize(320, 200) {
		t.Errorf("least size %v, want 320 x 200", got)
	}
	v.object.Resize(fyne.NewSize(900, 600))
	scroll := v.object.(*fyne.Container).Objects[0]
	if scroll.Size() != fyne.NewSize(900, 600) {
		t.Errorf("the text's scroll is %v in a 900 x 600 screen", scroll.Size())
	}
}

package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// encodePNG's file reads back as the same pixels, an opaque RGB image.
func TestEncodePNG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 7, 3))
	for y := 0; y < 3; y++ {
		for x := 0; x < 7; x++ {
			img.Set(x, y, color.RGBA{uint8(30 * x), uint8(80 * y), 200, 255})
		}
	}
	data, err := encodePNG(img)
	if err != nil {
		t.Fatal(err)
	}
	back, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if back.Bounds() != img.Bounds() {
		t.Fatalf("bounds %v", back.Bounds())
	}
	for y := 0; y < 3; y++ {
		for x := 0; x < 7; x++ {
			r, g, b, a := back.At(x, y).RGBA()
			if want := img.RGBAAt(x, y); uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(b>>8) != want.B || a != 0xffff {
				t.Errorf("pixel %d,%d: %v, want %v", x, y, back.At(x, y), want)
			}
		}
	}
}

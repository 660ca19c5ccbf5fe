//go:build ignore

// go run scripts/ico.go IN.png OUT.ico: the Windows icon of the installer
// (the Start menu shortcut and Add or Remove Programs) from the app's PNG.
// Each size is an 8-bit RGBA PNG inside the .ico (as Windows Vista and later
// read them), drawn from the same picture the same way every time, so the
// MSI that embeds it is the same bytes for the same commit.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"os"

	"golang.org/x/image/draw"
)

var sizes = []int{16, 24, 32, 48, 64, 256}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/ico.go IN.png OUT.ico")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "ico:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	src, err := png.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	var pngs [][]byte
	for _, s := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, s, s))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&b, dst); err != nil {
			return err
		}
		pngs = append(pngs, b.Bytes())
	}
	// ICONDIR, one ICONDIRENTRY a size, then the pictures.
	var ico bytes.Buffer
	le := binary.LittleEndian
	w := func(v any) { _ = binary.Write(&ico, le, v) }
	w(uint16(0))
	w(uint16(1)) // an icon
	w(uint16(len(sizes)))
	offset := 6 + 16*len(sizes)
	for i, s := range sizes {
		dim := uint8(s) // 256 is written as 0
		w(dim)
		w(dim)
		w(uint8(0))  // no palette
		w(uint8(0))  // reserved
		w(uint16(1)) // colour planes
		w(uint16(32))
		w(uint32(len(pngs[i])))
		w(uint32(offset))
		offset += len(pngs[i])
	}
	for _, p := range pngs {
		ico.Write(p)
	}
	return os.WriteFile(out, ico.Bytes(), 0o644)
}

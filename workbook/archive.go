package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"example.org/psyplan/format"
)

// What an imported workbook may make PsyPlan read. The national plan's
// workbook is 47 MB, and the parts an import reads (every sheet but the
// projection) unpack to about 13 MB; the Projection sheet (290 MB for the
// national plan) and the chart are never unpacked on import.
const (
	// MaxFileBytes is the largest file taken for a workbook, checked
	// before it is read.
	MaxFileBytes = 100 << 20
	// maxRatio is the most a part may unpack to per packed byte, once it
	// is past ratioFreeBytes: sheets compress about ten to one, a zip
	// bomb a thousand to one.
	maxRatio       = 100
	ratioFreeBytes = 1 << 20
	// maxParts is far more entries than any workbook has.
	maxParts = 10_000
)

// maxPartBytes and maxTotalBytes cap what the parts read unpack to,
// counted as they are unpacked (a zip's declared sizes can lie). Sheet XML
// reads at about 20 MB a second, so 128 MB in all is read or refused in
// well under the 30 seconds allowed, and is ten times the national plan.
// They are variables only so that tests can lower them.
var (
	maxPartBytes  int64 = 64 << 20
	maxTotalBytes int64 = 128 << 20
)

// refusal is a reason to refuse the whole workbook, whatever else is in it.
type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }

func refuse(format string, args ...any) error { return &refusal{fmt.Sprintf(format, args...)} }

// archive is a workbook's zip: archive/zip checks each part's declared
// size and checksum as it is unpacked; PsyPlan caps what the parts may
// unpack to before any of it is believed.
type archive struct {
	parts    map[string]*zip.File // by lower-case name: part names ignore case
	src      *countingReaderAt    // the file, counting the packed bytes read
	unpacked int64                // bytes unpacked so far, over all parts
}

// ReadFile reads the workbook file name, refusing one over MaxFileBytes
// before reading it, and anything endless (a device, a pipe) after
// MaxFileBytes.
func ReadFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > MaxFileBytes {
		return nil, tooLargeFile()
	}
	return ReadAll(f)
}

// ReadAll reads a workbook from r, refusing it once it passes MaxFileBytes
// or as soon as its first bytes show it is not a workbook.
func ReadAll(r io.Reader) ([]byte, error) {
	head := make([]byte, 8)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	if err := checkStart(head[:n]); err != nil {
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1-int64(n)))
	if err != nil {
		return nil, err
	}
	if int64(n+len(rest)) > MaxFileBytes {
		return nil, tooLargeFile()
	}
	return append(head[:n], rest...), nil
}

func tooLargeFile() error {
	return refuse("the workbook is larger than %d MB, far more than any plan's workbook: it is refused unread", MaxFileBytes>>20)
}

var (
	zipStart = []byte("PK\x03\x04")
	// cfbStart begins an OLE compound file: an Excel 97-2003 .xls, or an
	// .xlsx that Excel encrypted with a password.
	cfbStart = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// checkStart refuses what is plainly not an .xlsx from its first bytes.
func checkStart(head []byte) error {
	switch {
	case bytes.HasPrefix(head, zipStart):
		return nil
	case bytes.HasPrefix(head, cfbStart):
		return refuse("the workbook is password-protected, or is an old Excel 97-2003 (.xls) file: " +
			"open it in Excel or LibreOffice, remove any password, save it as an Excel workbook (.xlsx) and import that")
	}
	return refuse("this is not an Excel workbook (.xlsx): an .xlsx file is a zip archive, and this one is not")
}

// openArchive opens a workbook's zip, refusing a file too large, not a zip,
// or with parts PsyPlan cannot read safely.
func openArchive(data []byte) (*archive, error) {
	if len(data) > MaxFileBytes {
		return nil, tooLargeFile()
	}
	if err := checkStart(data); err != nil {
		return nil, err
	}
	src := &countingReaderAt{r: bytes.NewReader(data)}
	zr, err := zip.NewReader(src, int64(len(data)))
	if err != nil {
		return nil, refuse("this is not an Excel workbook (.xlsx) PsyPlan can read: the zip archive is damaged (%v)", err)
	}
	if len(zr.File) > maxParts {
		return nil, refuse("the workbook holds %d parts, far more than any workbook: it is refused", len(zr.File))
	}
	a := &archive{parts: make(map[string]*zip.File, len(zr.File)), src: src}
	for _, f := range zr.File {
		key := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, twice := a.parts[key]; twice {
			// Excel would read one and PsyPlan perhaps the other.
			return nil, refuse("the workbook is damaged: it holds the part %s twice", format.Quote(f.Name))
		}
		a.parts[key] = f
	}
	return a, nil
}

// errMissing is a part the workbook does not have.
var errMissing = errors.New("missing part")

// read hands the part name, unpacked, to use, and then reads it to its
// end so that its size and checksum are checked even if use stopped
// early. what names the part for people ("the sheet Posts").
func (a *archive) read(name, what string, use func(io.Reader) error) error {
	f := a.parts[strings.ToLower(name)]
	if f == nil {
		return errMissing
	}
	if f.Flags&1 != 0 {
		return refuse("the workbook is password-protected (%s is encrypted): remove the password in Excel or LibreOffice, save it and import it again", what)
	}
	if f.UncompressedSize64 > uint64(maxPartBytes) {
		return a.tooLarge(what)
	}
	if f.Method != zip.Store && f.Method != zip.Deflate {
		return refuse("the workbook is not one PsyPlan can read: %s is packed in a way Excel does not use (method %d)", what, f.Method)
	}
	packedFrom := a.src.n
	rc, err := f.Open()
	if err != nil {
		return refuse("the workbook is damaged: %s cannot be unpacked (%v)", what, err)
	}
	defer rc.Close()
	lp := &limitedPart{a: a, r: rc, what: what, packedFrom: packedFrom}
	useErr := use(lp)
	if _, err := io.Copy(io.Discard, lp); err != nil && lp.err == nil {
		lp.err = err
	}
	if lp.err != nil { // damage or a bomb explains any error use met
		return damaged(what, lp.err)
	}
	return useErr
}

// damaged says why a part could not be read: a cap it passed, or what
// archive/zip found wrong with it.
func damaged(what string, err error) error {
	var r *refusal
	switch {
	case errors.As(err, &r):
		return err
	case errors.Is(err, zip.ErrChecksum):
		return refuse("the workbook is damaged: %s fails its checksum (the file was changed or cut short after it was saved); ask for it again", what)
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return refuse("the workbook is damaged: %s does not unpack to the size its zip header says", what)
	}
	return refuse("the workbook is damaged: %s cannot be unpacked (%v)", what, err)
}

func (a *archive) tooLarge(what string) error {
	return refuse("the workbook is refused: %s unpacks to more than %d MB, far more than any plan's workbook holds", what, maxPartBytes>>20)
}

// countingReaderAt counts the bytes read from the file: while one part
// is unpacked, its packed bytes.
type countingReaderAt struct {
	r io.ReaderAt
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}

// limitedPart counts what a part unpacks to and stops it at the caps,
// whatever the zip declares.
type limitedPart struct {
	a          *archive
	r          io.Reader
	what       string
	packedFrom int64 // the file's bytes read when the part was opened
	n          int64
	err        error // the first error reading the part
}

func (l *limitedPart) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if room := maxPartBytes + 1 - l.n; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	l.a.unpacked += int64(n)
	packed := l.a.src.n - l.packedFrom
	switch {
	case l.n > maxPartBytes:
		err = l.a.tooLarge(l.what)
	case l.a.unpacked > maxTotalBytes:
		err = refuse("the workbook is refused: its parts unpack to more than %d MB in all, far more than any plan's workbook holds", maxTotalBytes>>20)
	case l.n > ratioFreeBytes && l.n > maxRatio*(packed+1):
		err = refuse("the workbook is refused: %s unpacks to more than %d times its packed size, as no workbook does (it looks built to exhaust memory)", l.what, maxRatio)
	}
	if err != nil && err != io.EOF {
		l.err = err
	}
	return n, err
}

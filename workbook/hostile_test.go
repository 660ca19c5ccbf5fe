package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/planfile/planfiletest"
)

// The probes of issue 8: each hostile workbook is built here from a
// PsyPlan export, so none is kept in the repository.

func smallBook(t testing.TB) []byte {
	return book(t, planfiletest.Small(t))
}

// partOf is the zip part that holds a sheet.
func partOf(t testing.TB, data []byte, sheet string) string {
	t.Helper()
	b, err := openBook(data)
	if err != nil {
		t.Fatal(err)
	}
	if b.sheets[sheet] == "" {
		t.Fatalf("no sheet %s", sheet)
	}
	return b.sheets[sheet]
}

// part is one zip entry to write: its header (name, method, sizes and
// checksum as declared) and its bytes as stored (packed already when raw).
type part struct {
	hdr  zip.FileHeader
	data []byte
	raw  bool
}

// rezip rebuilds a workbook: parts named in change get new contents
// (packed, with a true checksum), and extra parts are added as given.
func rezip(t testing.TB, data []byte, change map[string]func([]byte) []byte, extra ...part) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if fn := change[f.Name]; fn != nil {
			rc, _ := f.Open()
			body, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			w, _ := zw.Create(f.Name)
			w.Write(fn(body))
			continue
		}
		raw, _ := f.OpenRaw()
		w, _ := zw.CreateRaw(&f.FileHeader)
		io.Copy(w, raw)
	}
	for _, p := range extra {
		if p.raw {
			w, _ := zw.CreateRaw(&p.hdr)
			w.Write(p.data)
		} else {
			w, _ := zw.CreateHeader(&p.hdr)
			w.Write(p.data)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// mustRefuse reads a hostile workbook: it must be refused, quickly, with a
// message holding want.
func mustRefuse(t *testing.T, data []byte, want string) {
	t.Helper()
	start := time.Now()
	p, err := Read(data)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %v", took)
	}
	if err == nil || p != nil {
		t.Fatalf("imported (%v), want refused with %q", p != nil, want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("got %q\nwant it to say %q", err, want)
	}
}

// A sheet whose bytes changed after it was saved (here a growth of 60 %
// made 90 %, the zip's checksum left as it was) is refused.
func TestDamagedSheetIsRefused(t *testing.T) {
	data := smallBook(t)
	name := partOf(t, data, sheetTrajectory)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var body []byte
	var sum uint32
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			body, _ = io.ReadAll(rc)
			sum = f.CRC32
		}
	}
	changed := bytes.Replace(body, []byte("<v>60</v>"), []byte("<v>90</v>"), 1)
	if bytes.Equal(changed, body) {
		t.Fatalf("no growth of 60 in %s", body)
	}
	damaged := part{hdr: zip.FileHeader{Name: name, Method: zip.Store, CRC32: sum,
		CompressedSize64: uint64(len(changed)), UncompressedSize64: uint64(len(changed))}, data: changed, raw: true}
	data = rezip(t, withoutPart(t, data, name), nil, damaged)
	mustRefuse(t, data, "the sheet Trajectory fails its checksum")
}

// Bytes flipped inside a sheet's packed data refuse the workbook too,
// whichever of the unpacker and the checksum notices.
func TestFlippedBytesAreRefused(t *testing.T) {
	data := smallBook(t)
	for _, sheet := range []string{sheetPosts, sheetChanges, sheetTrajectory, sheetActuals, sheetScenarios} {
		name := partOf(t, data, sheet)
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		for _, f := range zr.File {
			if f.Name != name {
				continue
			}
			off, _ := f.DataOffset()
			for _, at := range []int64{int64(f.CompressedSize64) / 3, int64(f.CompressedSize64) / 2} {
				bad := append([]byte(nil), data...)
				bad[off+at] ^= 0x5a
				if p, err := Read(bad); err == nil || p != nil || !strings.Contains(err.Error(), "damaged") {
					t.Errorf("%s, byte %d flipped: %v", sheet, at, err)
				}
			}
		}
	}
}

func withoutPart(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != name {
			raw, _ := f.OpenRaw()
			w, _ := zw.CreateRaw(&f.FileHeader)
			io.Copy(w, raw)
		}
	}
	zw.Close()
	return out.Bytes()
}

// A cell reference that is no cell (ZZZZZZ2) refuses the whole workbook,
// naming the sheet and row, instead of losing the row.
func TestUnknownCellReferenceIsRefused(t *testing.T) {
	data := smallBook(t)
	for _, sheet := range []string{sheetTrajectory, sheetActuals, sheetScenarios} {
		bad := rezip(t, data, map[string]func([]byte) []byte{partOf(t, data, sheet): func(b []byte) []byte {
			return bytes.Replace(b, []byte(`r="A2"`), []byte(`r="ZZZZZZ2"`), 1)
		}})
		mustRefuse(t, bad, sheet+`, row 2: the cell reference "ZZZZZZ2" is not a cell of a sheet`)
	}
}

// Other ways a sheet's rows can be unreadable.
func TestUnreadableRowsAreRefused(t *testing.T) {
	data := smallBook(t)
	for _, c := range []struct{ from, to, want string }{
		{`r="A2"`, `r="A3"`, `Posts, row 2: the cell "A3" is not in this row`},
		{`<row r="3"`, `<row r="2"`, `Posts, row 2: the row comes after row 2`},
		{`<row r="2"`, `<row r="x"`, `Posts, row 2: the row number "x" is not a row`},
		{`r="B2"`, `r="A2"`, `Posts, row 2: the cell "A2" is out of order`},
		{`<sheetData>`, `<sheetData><c/>`, `Posts: a cell outside a row`},
		{`</sheetData>`, `</sheetDta>`, `Posts, row 3: the sheet's XML is damaged`},
		{`r="A2"`, `r="A2" t="e"`, `Posts, row 2, column A: the cell shows the error`},
		{`r="A2"`, `r="A2" t="q"`, `Posts, row 2, column A: the cell is of an unknown kind "q"`},
	} {
		bad := rezip(t, data, map[string]func([]byte) []byte{partOf(t, data, sheetPosts): func(b []byte) []byte {
			if !bytes.Contains(b, []byte(c.from)) {
				t.Fatalf("no %s in %s", c.from, b)
			}
			return bytes.Replace(b, []byte(c.from), []byte(c.to), 1)
		}})
		mustRefuse(t, bad, c.want)
	}
}

// spaces is a deflate stream of n MB of spaces (with before and after
// around them) built from one repeated block, as a zip bomb is: 4 GB
// packs into 4 MB. It also gives the stream's checksum and length.
func spaces(before, after []byte, n int) (packed []byte, sum uint32, size uint64) {
	mb := bytes.Repeat([]byte(" "), 1<<20)
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(before)
	w.Write(mb)
	w.Flush()
	head := buf.Len()
	w.Write(mb)
	w.Flush()
	block := append([]byte(nil), buf.Bytes()[head:]...)
	w.Write(after)
	w.Close()
	tail := buf.Bytes()[head+len(block):]
	out := append([]byte(nil), buf.Bytes()[:head]...)
	sum = crc32.Update(0, crc32.IEEETable, before)
	sum = crc32.Update(sum, crc32.IEEETable, mb)
	for i := 1; i < n; i++ {
		out = append(out, block...)
		sum = crc32.Update(sum, crc32.IEEETable, mb)
	}
	sum = crc32.Update(sum, crc32.IEEETable, after)
	return append(out, tail...), sum, uint64(len(before)+len(after)) + uint64(n)<<20
}

// bomb is a part of n MB of spaces; declared says what its header claims
// it unpacks to (0: the truth).
func bomb(name string, before, after []byte, n int, declared uint64) part {
	packed, sum, size := spaces(before, after, n)
	if declared == 0 {
		declared = size
	}
	return part{hdr: zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: sum,
		CompressedSize64: uint64(len(packed)), UncompressedSize64: declared}, data: packed, raw: true}
}

// An extra part that unpacks to 4 GB is never unpacked: the plan imports
// exactly, at once.
func TestZipBombExtraPartIsNeverUnpacked(t *testing.T) {
	p := planfiletest.Small(t)
	data := rezip(t, book(t, p), nil, bomb("xl/media/bomb.xml", nil, nil, 4096, 0))
	if len(data) > 6<<20 {
		t.Fatalf("the bomb is %d bytes", len(data))
	}
	start := time.Now()
	back, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
	want, _ := planfile.Write(p)
	if got, _ := planfile.Write(back); !bytes.Equal(got, want) {
		t.Error("the plan read back differs")
	}
}

// 4 GB of spaces inside a sheet, or as the shared text, honest about its
// size or not, is refused before it is unpacked far.
func TestSpacesBombIsRefused(t *testing.T) {
	data := smallBook(t)
	sheet := partOf(t, data, sheetTrajectory)
	head := []byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	tail := []byte(`</sheetData></worksheet>`)
	for declared, why := range map[uint64]string{
		0:        "unpacks to more than 64 MB",                     // the header is believed when it says too much
		60 << 20: "unpacks to more than 100 times its packed size", // and counted against when it says less
		// archive/zip stops a part at the size its header says, before
		// the ratio can be judged
		2000: "does not unpack to the size its zip header says",
	} {
		bad := rezip(t, withoutPart(t, data, sheet), nil, bomb(sheet, head, tail, 4096, declared))
		mustRefuse(t, bad, "the sheet Trajectory "+why)
		bad = rezip(t, withoutPart(t, data, "xl/sharedStrings.xml"), nil, bomb("xl/sharedStrings.xml", []byte("<sst><si><t>"), []byte("</t></si></sst>"), 4096, declared))
		mustRefuse(t, bad, "the workbook's shared text "+why)
	}
}

// Parts that pack poorly still may not unpack to more than the caps, one
// at a time or all together (caps lowered here to keep the test small).
func TestUnpackedSizeIsCapped(t *testing.T) {
	defer func(part, total int64) { maxPartBytes, maxTotalBytes = part, total }(maxPartBytes, maxTotalBytes)
	data := smallBook(t)
	maxPartBytes = 3000
	mustRefuse(t, data, "unpacks to more than 0 MB")
	maxPartBytes, maxTotalBytes = 64<<20, 10_000
	mustRefuse(t, data, "its parts unpack to more than 0 MB in all")
}

// sheetXML is a sheet with a heading row and rows 2..n+1 of cells.
func sheetXML(heading []string, n int, row func(r int) string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
	for i, h := range heading {
		fmt.Fprintf(&b, `<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>`, columnName(i), h)
	}
	b.WriteString(`</row>`)
	for r := 2; r <= n+1; r++ {
		fmt.Fprintf(&b, `<row r="%d">%s</row>`, r, row(r))
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Bytes()
}

// A million rows with one cell in column XFD (a 5 MB workbook) is refused
// at its first row; a million rows of notes within the columns read are
// refused at the row cap.
func TestMillionRowsAreRefused(t *testing.T) {
	data := smallBook(t)
	name := partOf(t, data, sheetActuals)
	heading := []string{"Month", "Profession (blank: all)", "In post (WTE)"}
	far := rezip(t, data, map[string]func([]byte) []byte{name: func([]byte) []byte {
		return sheetXML(heading, 1_000_000, func(r int) string { return fmt.Sprintf(`<c r="XFD%d"><v>1</v></c>`, r) })
	}})
	if len(far) > 8<<20 {
		t.Errorf("%d bytes", len(far))
	}
	mustRefuse(t, far, "Actuals, row 2, column XFD: a value beyond the columns PsyPlan reads (up to BL)")
	notes := rezip(t, data, map[string]func([]byte) []byte{name: func([]byte) []byte {
		return sheetXML(heading, 1_000_000, func(r int) string { return fmt.Sprintf(`<c r="E%d"><v>1</v></c>`, r) })
	}})
	mustRefuse(t, notes, fmt.Sprintf("Actuals, row %d: the sheet has more than 200000 rows", maxRows+1))
}

// endless is /dev/zero, or a zip header followed by zeros for ever.
type endless struct{ head []byte }

func (e *endless) Read(p []byte) (int, error) {
	n := copy(p, e.head)
	e.head = e.head[n:]
	clear(p[n:])
	return len(p), nil
}

func TestEndlessInputIsRefused(t *testing.T) {
	for _, c := range []struct {
		r    io.Reader
		want string
	}{
		{&endless{}, "this is not an Excel workbook (.xlsx)"},
		{&endless{head: []byte("PK\x03\x04")}, "larger than 100 MB"},
	} {
		if data, err := ReadAll(c.r); err == nil || data != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
	if _, err := ReadFile("/dev/zero"); err == nil || !strings.Contains(err.Error(), "not an Excel workbook") {
		t.Errorf("/dev/zero: %v", err)
	}
	if _, err := Read(make([]byte, MaxFileBytes+1)); err == nil || !strings.Contains(err.Error(), "larger than 100 MB") {
		t.Errorf("a file over the cap: %v", err)
	}
}

func TestNotAWorkbookSaysWhy(t *testing.T) {
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
	for _, c := range []struct {
		data []byte
		want string
	}{
		{cfb, "the workbook is password-protected, or is an old Excel 97-2003 (.xls) file"},
		{[]byte("name,area\nx,y\n"), "this is not an Excel workbook (.xlsx): an .xlsx file is a zip archive, and this one is not"},
		{[]byte{}, "this is not an Excel workbook (.xlsx)"},
		{[]byte("PK\x03\x04 cut short"), "the zip archive is damaged"},
		{rezip(t, smallBook(t), nil, part{hdr: zip.FileHeader{Name: "xl/workbook.xml"}, data: []byte("<x/>")}), `it holds the part "xl/workbook.xml" twice`},
		{withoutPart(t, smallBook(t), "xl/workbook.xml"), "the list of its sheets is missing"},
	} {
		if p, err := Read(c.data); err == nil || p != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}

// Text keeps its spaces, leading and trailing, and "Perinatal " beside
// "Perinatal" imports as two lines, exactly.
func TestSpacesAreKept(t *testing.T) {
	p := planfiletest.Small(t)
	p.Name = "  North East plan "
	p.Area = " ICB "
	p.Notes = "line one\nline two _x000D_ and\ta tab  "
	p.Posts[0].ServiceArea = " Perinatal"
	p.Posts[1].ServiceArea = "Perinatal "
	extra := p.Posts[1]
	extra.ServiceArea, extra.Changes = "Perinatal", nil
	p.Posts = append(p.Posts, extra)
	p.Cohorts[0].ServiceArea = " Perinatal"
	p.Scenarios[0].Posts[0].ServiceArea = " Perinatal"
	p.Scenarios[0].Name = " Lower attrition "
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatal(errs)
	}
	back, err := Read(book(t, p))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := planfile.Write(p)
	if got, _ := planfile.Write(back); !bytes.Equal(got, want) {
		t.Errorf("the plan read back differs:\n%s\nwant\n%s", got, want)
	}
}

// Numbers typed as text are read as people mean them, or refused; numbers
// the spreadsheet stored (1E-3) are read as stored.
func TestNumbersAsTyped(t *testing.T) {
	p := planfiletest.Small(t)
	for _, c := range []struct {
		cell any
		want string
	}{
		{"2,5", `Posts, row 2, column In post (WTE): "2,5" is not a number (use . for decimals; commas only between groups of three digits)`},
		{"1.250,5", `"1.250,5" is not a number`},
		{"TRUE", `"TRUE" is not a number`},
		{true, `"TRUE" is not a number`},
		{"25%", `"25%" is not a number (leave out the % sign)`},
		{"0x1p4", `"0x1p4" is not a number`},
	} {
		mustRefuse(t, edit(t, book(t, p), sheetPosts, map[string]any{"C2": c.cell}), c.want)
	}
	back, err := Read(edit(t, book(t, p), sheetPosts, map[string]any{"C2": " 1,250.5 ", "E2": "2,000"}))
	if err != nil {
		t.Fatal(err)
	}
	if back.Posts[0].InPostWTE != 1250.5 || back.Posts[0].FundedWTE != 2000 {
		t.Errorf("read %v and %v", back.Posts[0].InPostWTE, back.Posts[0].FundedWTE)
	}
	data := book(t, p)
	data = rezip(t, data, map[string]func([]byte) []byte{partOf(t, data, sheetPosts): func(b []byte) []byte {
		return bytes.Replace(b, []byte(`<c r="C2"><v>40</v>`), []byte(`<c r="C2"><v>4.25E1</v>`), 1)
	}})
	if back, err = Read(data); err != nil || back.Posts[0].InPostWTE != 42.5 {
		t.Errorf("stored 4.25E1: %v, %v", err, back)
	}
}

func TestStoredNumbersAndDates(t *testing.T) {
	for in, want := range map[string]float64{"1E-3": 0.001, "12": 12, "-0": 0, "4.5e+2": 450, ".5": 0.5} {
		if got, ok := storedNumber(in); !ok || got != want {
			t.Errorf("%s: %v %v", in, got, ok)
		}
	}
	for _, in := range []string{"1,000", "0x1p4", "NaN", "Inf", "1e400", "", " 1", "1_0", "+1"} {
		if got, ok := storedNumber(in); ok {
			t.Errorf("%q read as %v", in, got)
		}
	}
	for _, c := range []struct {
		serial float64
		d1904  bool
		want   plan.Month
	}{
		{1, false, plan.MonthOf(1900, 1)}, {59, false, plan.MonthOf(1900, 2)}, {60, false, plan.MonthOf(1900, 2)},
		{61, false, plan.MonthOf(1900, 3)}, {44287, false, plan.MonthOf(2021, 4)}, {44286.9, false, plan.MonthOf(2021, 3)},
		{42825, true, plan.MonthOf(2021, 4)},
	} {
		if got, ok := serialMonth(c.serial, c.d1904); !ok || got != c.want {
			t.Errorf("%v (1904: %v): %v, want %v", c.serial, c.d1904, got, c.want)
		}
	}
}

// A number cell formatted as a percentage holds 0.25 for 25%: it is
// refused rather than read as 0.25 %.
func TestPercentFormattedCellsAreRefused(t *testing.T) {
	p := planfiletest.Small(t)
	f, err := excelize.OpenReader(bytes.NewReader(book(t, p)))
	if err != nil {
		t.Fatal(err)
	}
	for code, style := range map[string]*excelize.Style{"built-in": {NumFmt: 9}, "custom": {CustomNumFmt: ptr("0.0%")}} {
		id, _ := f.NewStyle(style)
		f.SetCellValue(sheetTrainees, "F2", 0.07)
		f.SetCellStyle(sheetTrainees, "F2", "F2", id)
		var buf bytes.Buffer
		f.WriteTo(&buf)
		t.Run(code, func(t *testing.T) {
			mustRefuse(t, buf.Bytes(), "Trainees, row 2, column Completion %: the cell is formatted as a percentage, so 7% is stored as 0.07: format it as a number and type 7")
		})
	}
}

func ptr[T any](v T) *T { return &v }

// Elements nested without end are refused at a depth no workbook has,
// before the XML reader's memory of them grows.
func TestDeepXMLIsRefused(t *testing.T) {
	data := smallBook(t)
	deep := `<worksheet><sheetData>` + strings.Repeat("<x>", 1000) + strings.Repeat("</x>", 1000) + `</sheetData></worksheet>`
	bad := rezip(t, data, map[string]func([]byte) []byte{partOf(t, data, sheetActuals): func([]byte) []byte { return []byte(deep) }})
	mustRefuse(t, bad, "Actuals: the sheet's XML is damaged (elements nested more than 100 deep)")
}

// One tag with millions of attributes is refused once it passes 1 MB;
// quotes, comments and CDATA do not confuse the count.
func TestLongTagsAreRefused(t *testing.T) {
	long := strings.Repeat("x", maxTagBytes)
	for _, c := range []struct {
		xml string
		ok  bool
	}{
		{`<a b="` + strings.Repeat(">", 100) + `" c='"'>text</a>`, true},
		{`<a><!-- it's a long comment: ` + long + ` --><![CDATA[ it's <long> ` + long + ` ]]></a>`, true},
		{`<a ` + strings.Repeat(`b=">" `, maxTagBytes/5) + `/>`, false},
		{`<a b='` + long + `'/>`, false},
		{`<a ` + long + `>`, false},
	} {
		_, err := io.Copy(io.Discard, &tagLimiter{r: strings.NewReader(c.xml)})
		if (err == nil) != c.ok {
			t.Errorf("%.40s...: %v", c.xml, err)
		}
	}
}

// A sheet of bad rows gives the first 25 problems and a count of the rest.
func TestManyProblemsAreCounted(t *testing.T) {
	data := smallBook(t)
	bad := rezip(t, data, map[string]func([]byte) []byte{partOf(t, data, sheetActuals): func([]byte) []byte {
		return sheetXML([]string{"Month", "Profession (blank: all)", "In post (WTE)"}, 100, func(r int) string {
			return fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>2021-03</t></is></c><c r="C%d" t="inlineStr"><is><t>2,5</t></is></c>`, r, r)
		})
	}})
	_, err := Read(bad)
	if err == nil {
		t.Fatal("imported")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 26 || lines[25] != "... and 75 more problems" || !strings.HasPrefix(lines[0], `Actuals, row 2, column In post (WTE): "2,5" is not a number`) {
		t.Errorf("%d lines: %q ... %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

package workbook

import (
	"bytes"
	"os"
	"testing"

	"example.org/psyplan/plan"
)

// checkRead reads a workbook that may be anything: it must not panic, and
// gives either a plan that keeps every rule or a message, never both.
func checkRead(t *testing.T, data []byte) {
	p, err := Read(data)
	switch {
	case err != nil && p != nil:
		t.Fatalf("a plan and an error: %v", err)
	case err != nil && err.Error() == "":
		t.Fatal("an empty message")
	case err == nil && p == nil:
		t.Fatal("neither a plan nor an error")
	case err == nil:
		if errs := plan.Validate(p); len(errs) > 0 {
			t.Fatalf("imported a plan that breaks the rules: %v", errs)
		}
	}
}

// FuzzReadWorkbook reads whole files. Its seeds are an export and the
// issue 8 probes that stay small (built here; testdata/fuzz holds the
// tiny ones that are not workbooks at all).
func FuzzReadWorkbook(f *testing.F) {
	data := smallBook(f)
	f.Add(data)
	f.Add(rezip(f, data, map[string]func([]byte) []byte{partOf(f, data, sheetTrajectory): func(b []byte) []byte {
		return bytes.Replace(b, []byte(`r="A2"`), []byte(`r="ZZZZZZ2"`), 1)
	}}))
	f.Add(rezip(f, data, nil, bomb("xl/media/bomb.xml", nil, nil, 2, 0)))
	for _, name := range []string{"testdata/version1-small.xlsx", "testdata/version2-v2.xlsx"} { // the earlier layouts
		old, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(old)
	}
	f.Add(book(f, read(f, v3File))) // version 3's sheets
	f.Fuzz(checkRead)
}

// FuzzReadSheet puts any XML in the place of the Posts sheet (packed with
// a true checksum, so that the fuzzer reaches the sheet reader).
func FuzzReadSheet(f *testing.F) {
	data := smallBook(f)
	name := partOf(f, data, sheetPosts)
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Profession</t></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row><c t="s"><v>0</v></c><c><v>1E-3</v></c></row><row r="9"><c r="ZZZZZZ9"/></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		checkRead(t, rezip(t, data, map[string]func([]byte) []byte{name: func([]byte) []byte { return sheet }}))
	})
}

package workbook

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/projtable"
)

// The sheet "Uncertainty" holds the band month by month, in the columns
// of `psyplan band`, numbers as numbers; the workbook still reads back as
// the same plan (the band is worked out, not entered).
func TestUncertaintySheet(t *testing.T) {
	p := read(t, "")
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan.MakeBand(context.Background(), p, "", 40, 7, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteWithBand(&buf, p, pr, nil, b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetUncertainty, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(b.Central)+1 {
		t.Fatalf("%d rows, want a header and %d months", len(rows), len(b.Central))
	}
	for i, h := range projtable.BandHeader {
		if rows[0][i] != h {
			t.Errorf("column %d is %q, want %q", i, rows[0][i], h)
		}
	}
	i := b.Index(plan.MonthOf(2024, 4))
	row := rows[i+1]
	if row[0] != "2024-04" {
		t.Fatalf("row of Apr 2024 is %v", row)
	}
	for k, want := range projtable.BandValues(b, i) {
		got, err := strconv.ParseFloat(row[k+1], 64)
		if err != nil || got != want {
			t.Errorf("%s in Apr 2024: %q, want %v", projtable.BandHeader[k+1], row[k+1], want)
		}
	}
	if b.Low[i] >= b.High[i] || b.OnTrack[i] <= 0 || b.OnTrack[i] > 1 {
		t.Errorf("a band that says nothing: %v to %v, %v on track", b.Low[i], b.High[i], b.OnTrack[i])
	}
	if typ, _ := f.GetCellType(sheetUncertainty, "C2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("low_wte is stored as %v, not a number", typ)
	}
	back, err := Read(buf.Bytes())
	if err != nil {
		t.Fatalf("the workbook with a band does not read back: %v", err)
	}
	want, _ := planfile.Write(p)
	got, _ := planfile.Write(back)
	if !bytes.Equal(want, got) {
		t.Error("the plan read back differs")
	}
	var plain bytes.Buffer
	if err := Write(&plain, p, pr, nil); err != nil {
		t.Fatal(err)
	}
	g, _ := excelize.OpenReader(bytes.NewReader(plain.Bytes()))
	if idx, _ := g.GetSheetIndex(sheetUncertainty); idx != -1 {
		t.Error("a workbook with no band has the sheet Uncertainty")
	}
}

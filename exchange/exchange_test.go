package exchange

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile/planfiletest"
)

// A new library gets the default plan once; opening it again adds nothing.
func TestOpenLibraryGivesTheDefaultPlanOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	for range 2 {
		lib, err := OpenLibrary(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		list, err := lib.ListPlans(context.Background())
		lib.Close()
		if err != nil || len(list) != 1 || !strings.HasPrefix(list[0].Name, "England psychological professions") {
			t.Fatalf("plans %+v, %v", list, err)
		}
	}
}

// A plan file and a workbook are told apart by their ending or, for a
// workbook with the wrong ending, by its zip signature.
func TestReadPlanByEndingOrSignature(t *testing.T) {
	p := planfiletest.Small(t)
	data, err := os.ReadFile(planfiletest.SmallPath(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadPlan("north.psyplan.json", data)
	if err != nil || got.Name != p.Name {
		t.Fatalf("plan file: %v", err)
	}
	var wb bytes.Buffer
	if err := (Export{Format: "xlsx", Today: plan.MonthOf(2023, 1)}).writerTo(&wb, p); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"north.xlsx", "north.json"} {
		got, err := ReadPlan(name, wb.Bytes())
		if err != nil || got.Name != p.Name || len(got.Cohorts) != len(p.Cohorts) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := ReadPlan("north.xlsx", data); err == nil {
		t.Error("a plan file named .xlsx was read as a workbook")
	}
}

// writerTo writes the export to w, for tests.
func (ex Export) writerTo(w io.Writer, p *plan.Plan) error {
	write, err := ex.writer(p)
	if err != nil {
		return err
	}
	return write(w)
}

// Every format starts as its kind of file does, and a projection handed
// in is used only when it is of the scenario asked for.
func TestEveryFormat(t *testing.T) {
	p := planfiletest.Small(t)
	dir := t.TempDir()
	magic := map[string]string{"json": "{", "csv": "month,", "xlsx": "PK\x03\x04", "pdf": "%PDF-", "png": "\x89PNG", "svg": "<svg"}
	for _, f := range Formats {
		path := filepath.Join(dir, "plan"+f.Ext)
		ex := Export{Format: f.Name, Scenario: "Lower attrition", Width: 400, Height: 300, Today: plan.MonthOf(2023, 1)}
		if err := ex.Write(path, p); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		data, _ := os.ReadFile(path)
		if !strings.HasPrefix(string(data), magic[f.Name]) {
			t.Errorf("%s starts %q", f.Name, data[:min(8, len(data))])
		}
	}
	if !IsFormat("pdf") || IsFormat("docx") {
		t.Error("IsFormat")
	}
	err := Export{Format: "docx"}.Write(filepath.Join(dir, "plan.docx"), p)
	if err == nil || !strings.Contains(err.Error(), `"docx"`) || !strings.Contains(err.Error(), "json, xlsx, pdf, csv, png, svg") {
		t.Errorf("unknown format: %v", err)
	}
}

// The projection handed in is the one written, if it is of the scenario
// asked for; otherwise the plan is projected again.
func TestExportUsesTheProjectionItIsGiven(t *testing.T) {
	p := planfiletest.Small(t)
	own, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	marked := *own
	marked.Lines = nil // no post lines: only the total rows are written
	var csv bytes.Buffer
	if err := (Export{Format: "csv", Projection: &marked}).writerTo(&csv, p); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(csv.String(), "\n"); n != 1+own.Months() {
		t.Errorf("%d lines: the projection given was not used", n)
	}
	csv.Reset()
	if err := (Export{Format: "csv", Scenario: "Lower attrition", Projection: &marked}).writerTo(&csv, p); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(csv.String(), "\n"); n == 1+own.Months() {
		t.Error("a projection of another scenario was used")
	}
}

// A failed write leaves the older file of that name as it was, and no
// temporary file behind.
func TestWriteFileAtomicAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk full")
	})
	if err == nil || !strings.Contains(err.Error(), "plan.csv") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("error %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("file now %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the folder", len(entries))
	}
	if err := WriteFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("file now %q", data)
	}
}

// A plan opened from outside is found in the library when it holds the
// same content, and offered to add when it does not.
func TestOpenOutsideFindsTheSamePlan(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lib, err := OpenLibrary(ctx, filepath.Join(dir, "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	p, _ := DefaultPlan()
	p.Name = "North ICS plan"
	file := filepath.Join(dir, "north.psyplan")
	if err := (Export{Format: "json"}).Write(file, p); err != nil {
		t.Fatal(err)
	}
	out, err := OpenOutside(ctx, lib, file)
	if err != nil || out.ID != 0 || out.Plan.Name != "North ICS plan" {
		t.Fatalf("not in the library yet: %+v %v", out.ID, err)
	}
	id, err := lib.CreatePlan(ctx, out.Plan)
	if err != nil {
		t.Fatal(err)
	}
	if out, err = OpenOutside(ctx, lib, file); err != nil || out.ID != id {
		t.Errorf("the same plan: id %d, want %d (%v)", out.ID, id, err)
	}
	os.WriteFile(file, []byte("{"), 0o600)
	if _, err := OpenOutside(ctx, lib, file); err == nil {
		t.Error("a broken file was opened")
	}
}

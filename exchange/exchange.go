// Package exchange is everything that goes into or out of PsyPlan as a
// file: the plan library at its default place, the default plan shipped
// in the binary, plan files and workbooks read back in, and every export
// (plan file, projection table, workbook, report, chart pictures),
// written whole or not at all. The command line and the window both use
// it; it knows nothing of either.
package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/store"
	"example.org/psyplan/workbook"
)

// OpenLibrary opens the library at path (the default place when empty)
// and gives a new library the default plan, once in its life.
func OpenLibrary(ctx context.Context, path string) (*store.Library, error) {
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	lib, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if _, err := lib.GiveDefaultPlan(ctx, DefaultPlan); err != nil {
		lib.Close()
		return nil, fmt.Errorf("cannot add the default plan: %w", err)
	}
	return lib, nil
}

// OpenLibraryForReading opens the library at path (the default place when
// empty) as OpenLibrary does, or read-only when it cannot be written: for
// listing, projecting and exporting from a library on a read-only share.
func OpenLibraryForReading(ctx context.Context, path string) (*store.Library, error) {
	lib, err := OpenLibrary(ctx, path)
	if !errors.Is(err, store.ErrReadOnly) {
		return lib, err
	}
	if path == "" {
		if path, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return store.OpenReadOnly(path)
}

// DefaultPlan is the illustrative England plan shipped in the binary.
func DefaultPlan() (*plan.Plan, error) { return planfile.Read(assets.DefaultPlan) }

// ImportExtensions are the file endings PsyPlan imports.
var ImportExtensions = []string{planfile.Extension, ".json", ".xlsx"}

// MaxPlanFileBytes caps a plan file read: the national synthetic plan
// (3,360 post lines, 26,880 cohorts) is under 10 MB, and reading a file
// takes about ten times its size in memory.
const MaxPlanFileBytes = 64 << 20

// ReadImport reads a plan file or workbook from r, bounded: a workbook as
// package workbook caps it, a plan file at MaxPlanFileBytes, so an endless
// or enormous input is refused, never read whole.
func ReadImport(name string, r io.Reader) (*plan.Plan, error) {
	head := make([]byte, 4)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	r = io.MultiReader(bytes.NewReader(head[:n]), r)
	if isWorkbook(name, head[:n]) {
		data, err := workbook.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return workbook.Read(data)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxPlanFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxPlanFileBytes {
		return nil, fmt.Errorf("the file is larger than %d MB, far more than any plan: it is refused unread", MaxPlanFileBytes>>20)
	}
	return planfile.Read(data)
}

// ReadImportFile reads the plan file or workbook at path, bounded, and
// refuses what is not an ordinary file (a folder, a device).
func ReadImportFile(path string) (*plan.Plan, error) {
	// Looked at before it is opened: opening a named pipe waits for a
	// writer that may never come.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return nil, fmt.Errorf("cannot read %s: it is not an ordinary file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read %s: it is not an ordinary file", path)
	}
	if fi.Size() > max(MaxPlanFileBytes, workbook.MaxFileBytes) {
		return nil, fmt.Errorf("%s is %d MB, far more than any plan or workbook: it is refused unread", path, fi.Size()>>20)
	}
	return ReadImport(path, f)
}

func isWorkbook(name string, head []byte) bool {
	return strings.HasSuffix(strings.ToLower(name), ".xlsx") || bytes.HasPrefix(head, []byte("PK\x03\x04"))
}

// ReadPlan reads a plan file, or a workbook PsyPlan exported: by the
// name's ending (.xlsx), or by the zip signature every workbook starts
// with, so a workbook renamed .json is still read as one.
func ReadPlan(name string, data []byte) (*plan.Plan, error) {
	if isWorkbook(name, data) {
		return workbook.Read(data)
	}
	return planfile.Read(data)
}

// Outside is a plan file or workbook opened from outside PsyPlan (a
// double-click, a file dropped on the window): the plan it holds, and the
// library's plan with the same content when there is one.
type Outside struct {
	Path string
	Plan *plan.Plan
	ID   int64 // the library's plan with the same content; 0: none, ask to add it
}

// OpenOutside reads the file whole (or refuses it with the usual message)
// and looks for the same plan in the library.
func OpenOutside(ctx context.Context, lib *store.Library, path string) (Outside, error) {
	p, err := ReadImportFile(path)
	if err != nil {
		return Outside{}, err
	}
	id, err := lib.FindSame(ctx, p)
	return Outside{Path: path, Plan: p, ID: id}, err
}

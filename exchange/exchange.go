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
	"fmt"
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

// DefaultPlan is the illustrative England plan shipped in the binary.
func DefaultPlan() (*plan.Plan, error) { return planfile.Read(assets.DefaultPlan) }

// ImportExtensions are the file endings PsyPlan imports.
var ImportExtensions = []string{".json", ".xlsx"}

// ReadPlan reads a plan file, or a workbook PsyPlan exported: by the
// name's ending (.xlsx), or by the zip signature every workbook starts
// with, so a workbook renamed .json is still read as one.
func ReadPlan(name string, data []byte) (*plan.Plan, error) {
	if strings.HasSuffix(strings.ToLower(name), ".xlsx") || bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return workbook.Read(data)
	}
	return planfile.Read(data)
}

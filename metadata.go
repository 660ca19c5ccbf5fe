package main

import (
	_ "embed"
	"fmt"

	"fyne.io/fyne/v2"
	"github.com/BurntSushi/toml"
)

// fyneAppToml is the one place the name, id and version are written:
// `fyne package`, the Windows version resource (scripts/dist.sh), the
// About box and `psyplan --version` all read it.
//
//go:embed FyneApp.toml
var fyneAppToml string

// appMetadata is FyneApp.toml as Fyne's metadata. Fyne reads that file
// itself only beside the binary or when its own tool builds; PsyPlan is
// also built by go build, so it carries the file in.
func appMetadata() (fyne.AppMetadata, error) {
	var f struct {
		Details struct {
			Name, ID, Version string
			Build             int
		}
		Migrations map[string]bool
	}
	if _, err := toml.Decode(fyneAppToml, &f); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml built into the program is damaged: %v", err)
	}
	d := f.Details
	if d.Name == "" || d.ID == "" || d.Version == "" {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml built into the program lacks Name, ID or Version")
	}
	return fyne.AppMetadata{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build,
		Release: true, Migrations: f.Migrations}, nil
}

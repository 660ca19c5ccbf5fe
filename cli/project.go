package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/projtable"
)

func runProject(c *call) error {
	pr, err := c.projection()
	if err != nil {
		return err
	}
	switch c.opts.format {
	case "csv":
		return projtable.WriteCSV(c.stdout, pr)
	case "json":
		return projtable.WriteJSON(c.stdout, pr)
	}
	return fmt.Errorf("--format %q: choose csv or json", c.opts.format)
}

func (c *call) projection() (*plan.Projection, error) {
	_, p, err := c.findPlan(c.args[0])
	if err != nil {
		return nil, err
	}
	return plan.Project(p, c.opts.scenario)
}

func runExport(c *call) error {
	if c.opts.out == "" {
		return fmt.Errorf("--out FILE is required")
	}
	var write func(io.Writer) error
	switch c.opts.format {
	case "json":
		_, p, err := c.findPlan(c.args[0])
		if err != nil {
			return err
		}
		data, err := planfile.Write(p)
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { _, err := w.Write(data); return err }
	case "csv":
		pr, err := c.projection()
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return projtable.WriteCSV(w, pr) }
	default:
		return fmt.Errorf("--format %q: choose json (the plan file) or csv (the projection table)", c.opts.format)
	}
	if err := WriteFileAtomic(c.opts.out, write); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote %s.\n", c.opts.out)
	return nil
}

// WriteFileAtomic writes a file whole or not at all: into a temporary file
// beside it, renamed over the name only once everything is written, so a
// failed export leaves nothing half-written behind.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(bw); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// PsyPlan: offline workforce planning for the NHS psychological
// professions. main only wires: a subcommand runs the command line,
// anything else opens the window.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	fyneapp "fyne.io/fyne/v2/app"

	"example.org/psyplan/app"
	"example.org/psyplan/cli"
	"example.org/psyplan/crashlog"
	"example.org/psyplan/exchange"
	"example.org/psyplan/instance"
	"example.org/psyplan/locale"
	"example.org/psyplan/report"
	"example.org/psyplan/store"
)

// main only exits: run returns, so its deferred Close has run (the
// library's -wal and -shm files are folded back) before os.Exit.
func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	// The language is chosen here, before any Fyne app exists: British
	// English on a machine with no locale (LANG=C, as servers, CI and a
	// bare Wine have). locale's init did the same before Fyne's packages
	// were initialised; see locale_test.go for how that is checked.
	locale.UseBritishIfUnset()
	meta, err := appMetadata()
	if err != nil {
		fmt.Fprintln(stderr, "psyplan:", err)
		return 1
	}
	report.Version = meta.Version // printed on the PDF report
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		fmt.Fprintf(stdout, "%s %s\n", meta.Name, meta.Version)
		return 0
	}
	if cli.IsCommand(args) {
		return cli.Run(args, stdout, stderr)
	}
	fs := flag.NewFlagSet("psyplan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "the plan library file (default: library.db in the psyplan configuration folder)")
	shots := fs.String("screenshot", "", "visit every view, save each as DIR/NN-view.png, and exit")
	fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() { fmt.Fprint(stderr, cli.Usage()) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	open, err := fileToOpen(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "psyplan: %v\n\n%s", err, cli.Usage())
		return 2
	}
	libPath := *db
	if libPath == "" {
		if libPath, err = store.DefaultPath(); err != nil {
			fmt.Fprintln(stderr, "psyplan:", err)
			return 1
		}
	}
	// A plan double-clicked while PsyPlan is open on this library goes to
	// that window, not to a second one editing the library beside it.
	if open != "" && instance.Send(libPath, open) == nil {
		fmt.Fprintf(stdout, "Opened %s in the PsyPlan window already open.\n", open)
		return 0
	}
	notice := ""
	if previous, err := crashlog.Start(filepath.Dir(libPath)); err == nil {
		notice = crashlog.Sentence(previous)
	}
	lib, err := exchange.OpenLibrary(context.Background(), libPath)
	if err != nil {
		fmt.Fprintln(stderr, "psyplan:", err)
		return 1
	}
	defer lib.Close()
	opts := app.Options{ScreenshotDir: *shots, Open: open, Notice: notice}
	if l, err := instance.Listen(libPath); err == nil { // without it, files still open by themselves
		defer l.Close()
		opts.Files = l.Files()
	}
	fyneapp.SetMetadata(meta)
	a := fyneapp.NewWithID(meta.ID)
	return app.Run(a, lib, opts)
}

// fileToOpen is the plan file or workbook the window is asked to open
// (`psyplan FILE`, as a double-click runs it), made absolute: "" for none.
func fileToOpen(args []string) (string, error) {
	switch len(args) {
	case 0:
		return "", nil
	case 1:
	default:
		return "", fmt.Errorf("open one plan file at a time, not %d", len(args))
	}
	info, err := os.Stat(args[0])
	if err != nil || info.IsDir() {
		return "", fmt.Errorf("%q is neither a command nor a plan file", args[0])
	}
	return filepath.Abs(args[0])
}

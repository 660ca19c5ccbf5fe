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

	fyneapp "fyne.io/fyne/v2/app"

	"example.org/psyplan/app"
	"example.org/psyplan/cli"
	"example.org/psyplan/exchange"
	"example.org/psyplan/locale"
	"example.org/psyplan/report"
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
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "psyplan: %q is not a command\n\n%s", fs.Arg(0), cli.Usage())
		return 2
	}
	lib, err := exchange.OpenLibrary(context.Background(), *db)
	if err != nil {
		fmt.Fprintln(stderr, "psyplan:", err)
		return 1
	}
	defer lib.Close()
	fyneapp.SetMetadata(meta)
	a := fyneapp.NewWithID(meta.ID)
	return app.Run(a, lib, app.Options{ScreenshotDir: *shots})
}

// PsyPlan: offline workforce planning for the NHS psychological
// professions. main only wires: a subcommand runs the command line,
// anything else opens the window.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"example.org/psyplan/app"
	"example.org/psyplan/cli"
	_ "example.org/psyplan/locale" // first: before Fyne reads the locale
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	fs := flag.NewFlagSet("psyplan", flag.ContinueOnError)
	db := fs.String("db", "", "the plan library file (default: library.db in the psyplan configuration folder)")
	shots := fs.String("screenshot", "", "visit every view, save each as DIR/NN-view.png, and exit")
	fs.Usage = func() { fmt.Fprint(os.Stderr, cli.Usage()) }
	if err := fs.Parse(args); err != nil {
		os.Exit(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "psyplan: %q is not a command\n\n%s", fs.Arg(0), cli.Usage())
		os.Exit(2)
	}
	lib, err := cli.OpenLibrary(context.Background(), *db)
	if err != nil {
		fmt.Fprintln(os.Stderr, "psyplan:", err)
		os.Exit(1)
	}
	defer lib.Close()
	a := fyneapp.NewWithID("uk.nhs.psyplan")
	os.Exit(app.Run(a, lib, app.Options{ScreenshotDir: *shots}))
}

package app

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"example.org/psyplan/exchange"
	"time"
)

// openOutside opens a plan file or workbook given from outside PsyPlan (a
// double-click, `psyplan FILE`, a file dropped on the window, or one that
// another PsyPlan on this library handed over): the library's plan with
// the same content when it has one; otherwise, once the planner says so,
// the file's plan added whole. A bad file is refused with the usual
// message, and nothing is stored.
func (ui *UI) openOutside(path string) {
	name := filepath.Base(path)
	ui.setStatus("Opening " + name + "…")
	var out exchange.Outside
	var err error
	ui.run(func() { out, err = exchange.OpenOutside(context.Background(), ui.lib, path) }, func() {
		ui.setStatus("")
		if err != nil {
			ui.showError(fmt.Errorf("%s was not opened; nothing was stored.\n\n%w", name, err))
			return
		}
		if out.ID != 0 {
			ui.openPlan(out.ID)
			return
		}
		ui.askToAdd(out)
	})
}

// askToAdd asks before a plan from outside joins the library. While it
// asks, the window's title says so (it is what a person switching windows
// sees first).
func (ui *UI) askToAdd(out exchange.Outside) {
	ui.asking = fmt.Sprintf("Add %q? - PsyPlan", out.Plan.Name)
	ui.win.SetTitle(ui.asking)
	d := dialog.NewConfirm("A plan from outside your library",
		fmt.Sprintf("Add %q to your library?\n\n%s", out.Plan.Name, out.Path), func(add bool) {
			ui.asking = ""
			ui.refresh()
			if !add {
				return
			}
			err := exchange.NameImport(context.Background(), ui.lib, out.Plan, time.Now()) // a copy of a plan the library has is told apart
			if err == nil {
				err = ui.library.create(out.Plan)
			}
			if err != nil {
				ui.showError(fmt.Errorf("%s was not added; nothing was stored.\n\n%w", filepath.Base(out.Path), err))
			}
		}, ui.win)
	d.SetConfirmText("Add")
	d.SetDismissText("Not now")
	d.Show()
}

// acceptOutside opens the file the window was started with, files dropped
// on the window, and files other PsyPlans hand over (files), each as
// openOutside does.
func (ui *UI) acceptOutside(start string, files <-chan string) {
	ui.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		for _, u := range uris {
			if u.Scheme() == "file" {
				ui.openOutside(u.Path())
			}
		}
	})
	if start != "" {
		ui.openOutside(start)
	}
	if files == nil {
		return
	}
	go func() {
		for path := range files {
			fyne.Do(func() {
				ui.openOutside(path)
				ui.win.RequestFocus()
			})
		}
	}()
}

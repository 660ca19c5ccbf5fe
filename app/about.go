package app

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"
)

// about shows the version the window is (from FyneApp.toml, set by main)
// and the licence, for a planner telling IT which PsyPlan they run.
func (ui *UI) about() {
	m := ui.app.Metadata()
	dialog.ShowInformation("About PsyPlan", fmt.Sprintf(
		"%s %s (build %d)\n\nWorkforce planning for the NHS psychological professions.\n"+
			"Works offline: your plans stay on this computer.\n\nFree software under the MIT licence.",
		m.Name, m.Version, m.Build), ui.win)
}

package kit

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// StartInDocuments opens a file dialog in the planner's Documents folder
// (on Windows and Linux alike), where plans and exports usually live,
// rather than wherever the program happens to run from.
func StartInDocuments(d *dialog.FileDialog) {
	home, err := os.UserHomeDir()
	if err != nil {
		return
	}
	for _, dir := range []string{filepath.Join(home, "Documents"), home} {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				d.SetLocation(l)
				return
			}
		}
	}
}

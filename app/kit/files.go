package kit

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Folders is where a library keeps the folder of the last import or
// export (*store.Library has it).
type Folders interface {
	LastFolder(ctx context.Context) (string, error)
	SetLastFolder(ctx context.Context, dir string) error
}

// Files asks the planner where to save and what to open. Every dialog
// has a field where a full path can be typed or pasted (Fyne's own file
// dialog takes a name only), checked as it is typed, and a Browse…
// button for Fyne's dialog, sized to the window. Each starts in the
// folder of the last import or export, which the library remembers.
type Files struct {
	Folders Folders
	// ShowFolder opens a folder in the computer's file manager; nil: the
	// app's OpenURL with the folder's file:// address (Explorer on
	// Windows, xdg-open on Linux).
	ShowFolder func(dir string) error

	last string // the last folder, when the library cannot keep it (read-only)
}

// StartFolder is where a dialog starts: the last import or export's
// folder while it exists, else Documents, else home.
func (f *Files) StartFolder() string {
	dirs := []string{f.last}
	if f.Folders != nil {
		if dir, err := f.Folders.LastFolder(context.Background()); err == nil {
			dirs = append([]string{dir}, dirs...)
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "Documents"), home)
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); dir != "" && err == nil && fi.IsDir() {
			return dir
		}
	}
	return ""
}

// remember keeps dir as where the next dialog starts. A library that
// cannot keep it (opened read-only) keeps it for this run only.
func (f *Files) remember(dir string) {
	f.last = dir
	if f.Folders != nil {
		_ = f.Folders.SetLastFolder(context.Background(), dir) // a dialog's start is no reason to stop an export
	}
}

// PathDialog is a file dialog of Files: what it asks, a path and what is
// wrong with it, and a confirm button enabled while the path is good.
type PathDialog struct {
	files   *Files
	win     fyne.Window
	entry   *widget.Entry
	message *widget.Label
	confirm *widget.Button
	dialog  *dialog.CustomDialog
	start   string
	check   func(text string) (string, error)
	offered string // the path the dialog started with: no file chosen yet is no error
	browse  func()
	done    func(path string)
}

// newPathDialog builds the dialog: items above the path's row, confirm
// calling done with the checked path.
func (f *Files) newPathDialog(win fyne.Window, title, confirm, label string, items []*widget.FormItem) *PathDialog {
	pd := &PathDialog{files: f, win: win, entry: widget.NewEntry(), message: widget.NewLabel(""), start: f.StartFolder()}
	pd.message.Wrapping = fyne.TextWrapWord
	pd.message.Importance = widget.DangerImportance
	pd.entry.OnChanged = func(string) { pd.validate() }
	pd.entry.OnSubmitted = func(string) { pd.submit() }
	browse := widget.NewButtonWithIcon("Browse…", theme.FolderOpenIcon(), func() { pd.browse() })
	pathRow := container.NewBorder(nil, nil, nil, browse, pd.entry)
	form := widget.NewForm(append(items, widget.NewFormItem(label, pathRow))...)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { pd.dialog.Hide() })
	pd.confirm = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), pd.submit)
	pd.confirm.Importance = widget.HighImportance
	hint := widget.NewLabel("Type or paste a full path (C:\\… on Windows, /… on Linux), or choose with Browse…")
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(form, hint, pd.message)
	pd.dialog = dialog.NewCustomWithoutButtons(title, body, win)
	pd.dialog.SetButtons([]fyne.CanvasObject{cancel, pd.confirm})
	pd.dialog.Resize(fyne.NewSize(min(1200, win.Canvas().Size().Width*0.7), body.MinSize().Height+120))
	return pd
}

// validate says what is wrong with the path typed, and allows confirm
// only when nothing is.
func (pd *PathDialog) validate() (string, bool) {
	path, err := pd.check(pd.entry.Text)
	if err != nil {
		pd.message.SetText(capitalise(err.Error()))
		if pd.entry.Text == pd.offered {
			pd.message.SetText("")
		}
		pd.confirm.Disable()
		return "", false
	}
	pd.message.SetText("")
	pd.confirm.Enable()
	return path, true
}

// submit is confirm: the path is checked again (the folder may have gone
// since it was typed) and handed on; a bad one keeps the dialog open.
func (pd *PathDialog) submit() {
	path, ok := pd.validate()
	if !ok {
		return
	}
	pd.dialog.Hide()
	pd.done(path)
}

// Show shows the dialog, the path field ready for typing.
func (pd *PathDialog) Show() {
	pd.validate()
	pd.dialog.Show()
	pd.win.Canvas().Focus(pd.entry)
}

// SetPath puts text in the path field, as typing it would.
func (pd *PathDialog) SetPath(text string) { pd.entry.SetText(text) }

// Path is the text in the path field.
func (pd *PathDialog) Path() string { return pd.entry.Text }

// Problem is what the dialog says is wrong with the path, "" when nothing.
func (pd *PathDialog) Problem() string { return pd.message.Text }

// Confirm presses the confirm button, as the planner would.
func (pd *PathDialog) Confirm() {
	if !pd.confirm.Disabled() {
		pd.confirm.OnTapped()
	}
}

// fitWindow is a Fyne file dialog's size: most of the window, so a
// folder of files shows many rows, not five.
func fitWindow(win fyne.Window) fyne.Size {
	s := win.Canvas().Size()
	return fyne.NewSize(s.Width*0.9, s.Height*0.9)
}

// lister is dir as Fyne's file dialog takes a folder; nil when it is none.
func lister(dir string) fyne.ListableURI {
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// nearestFolder is the folder the path typed is in, when it exists, else
// the dialog's start: where Browse… opens.
func (pd *PathDialog) nearestFolder() string {
	if p, err := resolvePath(pd.entry.Text, pd.start); err == nil {
		for _, dir := range []string{p, filepath.Dir(p)} {
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				return dir
			}
		}
	}
	return pd.start
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// SaveDialog asks where to save an export: the form items first (what
// to export), then the file's full path.
type SaveDialog struct {
	*PathDialog
	name, ext string
}

// Save asks where to save name (a file name without its ending) with
// ending ext, below items, then calls save with the full path, once the
// planner has agreed to replace a file already there. The path starts as
// the last folder used and name.
func (f *Files) Save(win fyne.Window, title string, items []*widget.FormItem, name, ext string, save func(path string)) *SaveDialog {
	sd := &SaveDialog{name: name, ext: ext}
	sd.PathDialog = f.newPathDialog(win, title, "Export", "Save to", items)
	sd.check = func(text string) (string, error) { return SavePath(text, sd.start, sd.name+sd.ext, sd.ext) }
	sd.browse = sd.browseFolder
	sd.done = func(path string) {
		f.remember(filepath.Dir(path))
		if _, err := os.Stat(path); err != nil {
			save(path)
			return
		}
		msg := fmt.Sprintf("%s is already in %s.\nReplace it?", filepath.Base(path), filepath.Dir(path))
		dialog.ShowConfirm("Replace the file?", msg, func(ok bool) {
			if ok {
				save(path)
			}
		}, win)
	}
	sd.entry.SetText(filepath.Join(sd.start, name+ext))
	return sd
}

// SetExt changes the file's ending (another format was chosen), in the
// path typed too.
func (sd *SaveDialog) SetExt(ext string) {
	text := sd.entry.Text
	if strings.HasSuffix(strings.ToLower(text), strings.ToLower(sd.ext)) {
		text = text[:len(text)-len(sd.ext)] + ext
	}
	sd.ext = ext
	sd.entry.SetText(text)
}

// browseFolder is Browse… when saving: Fyne's folder dialog, sized to the
// window, whose folder goes in the path with the file name kept. (Fyne's
// save dialog would create the file at once, before the planner has
// confirmed the export.)
func (sd *SaveDialog) browseFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		base := filepath.Base(sd.entry.Text)
		if p, err := resolvePath(sd.entry.Text, sd.start); err != nil || isDir(p) {
			base = sd.name + sd.ext
		}
		sd.entry.SetText(filepath.Join(dir.Path(), base))
	}, sd.win)
	d.SetTitleText("Choose the folder to save " + filepath.Base(sd.entry.Text) + " in")
	d.SetConfirmText("Save here")
	d.SetLocation(lister(sd.nearestFolder()))
	d.Resize(fitWindow(sd.win))
	d.Show()
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// Open asks for a file to open, ending in one of exts, and calls open
// with its full path.
func (f *Files) Open(win fyne.Window, title, confirm string, exts []string, open func(path string)) *PathDialog {
	pd := f.newPathDialog(win, title, confirm, "File", nil)
	pd.check = func(text string) (string, error) { return OpenPath(text, pd.start, exts) }
	pd.done = func(path string) {
		f.remember(filepath.Dir(path))
		open(path)
	}
	pd.browse = func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close() // only its path is wanted: the file is read when confirmed
			pd.entry.SetText(r.URI().Path())
		}, win)
		d.SetTitleText("Choose the file")
		d.SetFilter(storage.NewExtensionFileFilter(exts))
		d.SetLocation(lister(pd.nearestFolder()))
		d.Resize(fitWindow(win))
		d.Show()
	}
	pd.offered = pd.start + string(filepath.Separator)
	pd.entry.SetText(pd.offered)
	return pd
}

// OpenFolder asks for a folder and calls open with its full path.
func (f *Files) OpenFolder(win fyne.Window, title, confirm string, open func(dir string)) *PathDialog {
	pd := f.newPathDialog(win, title, confirm, "Folder", nil)
	pd.check = func(text string) (string, error) { return FolderPath(text, pd.start) }
	pd.done = func(dir string) {
		f.remember(dir)
		open(dir)
	}
	pd.browse = func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				pd.entry.SetText(dir.Path())
			}
		}, win)
		d.SetTitleText("Choose the folder")
		d.SetLocation(lister(pd.nearestFolder()))
		d.Resize(fitWindow(win))
		d.Show()
	}
	pd.entry.SetText(pd.start)
	return pd
}

// Written says in words where an export went, with a button that opens
// its folder.
func (f *Files) Written(win fyne.Window, path string) {
	dir := filepath.Dir(path)
	text := widget.NewLabel(fmt.Sprintf("%s was written in the folder\n%s", filepath.Base(path), dir))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Exported", "Close", text, win)
	open := widget.NewButtonWithIcon("Open the folder", theme.FolderOpenIcon(), func() {
		if err := f.showFolder(dir); err != nil {
			ShowError(win, fmt.Errorf("the folder %s cannot be opened: %w", dir, err))
			return
		}
		d.Hide()
	})
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.Hide), open})
	d.Resize(fyne.NewSize(min(720, win.Canvas().Size().Width-40), text.MinSize().Height+160))
	d.Show()
}

func (f *Files) showFolder(dir string) error {
	if f.ShowFolder != nil {
		return f.ShowFolder(dir)
	}
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err != nil {
		return err
	}
	return fyne.CurrentApp().OpenURL(u)
}

package kit

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit/kittest"
	"example.org/psyplan/store"
)

// A path typed or pasted whole is taken as the planner means it; one
// whose folder is missing, or that is no path here, is refused with a
// message naming what is wrong.
func TestSavePathTakesATypedFullPath(t *testing.T) {
	start, other := t.TempDir(), t.TempDir()
	home, _ := os.UserHomeDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), nil, 0o600)
	good := []struct{ typed, want string }{
		{`  "` + filepath.Join(other, "Board paper") + `"  `, filepath.Join(other, "Board paper.pdf")},
		{filepath.Join(other, "Board paper.PDF"), filepath.Join(other, "Board paper.PDF")},
		{other, filepath.Join(other, "Humber.pdf")},
		{other + string(filepath.Separator), filepath.Join(other, "Humber.pdf")},
		{"March paper.pdf", filepath.Join(start, "March paper.pdf")},
		{"~" + string(filepath.Separator) + "x.pdf", filepath.Join(home, "x.pdf")},
		{"file://" + filepath.ToSlash(filepath.Join(other, "From a link.pdf")), filepath.Join(other, "From a link.pdf")},
	}
	for _, g := range good {
		got, err := SavePath(g.typed, start, "Humber.pdf", ".pdf")
		if err != nil || got != g.want {
			t.Errorf("%q: %q, %v; want %q", g.typed, got, err, g.want)
		}
	}
	missing := filepath.Join(other, "tmp")
	bad := []struct{ typed, says string }{
		{filepath.Join(missing, "paper.pdf"), "the folder " + missing + " does not exist"},
		{missing + string(filepath.Separator), "the folder " + missing + " does not exist"},
		{filepath.Join(other, "notes.txt", "paper.pdf"), filepath.Join(other, "notes.txt") + " is a file, not a folder"},
		{"   ", "no file or folder is given"},
	}
	if runtime.GOOS != "windows" {
		bad = append(bad, struct{ typed, says string }{`C:\Users\lead\Documents\paper.pdf`, `"C:\\Users\\lead\\Documents\\paper.pdf" is a Windows path`})
	}
	for _, b := range bad {
		if got, err := SavePath(b.typed, start, "Humber.pdf", ".pdf"); err == nil || !strings.Contains(err.Error(), b.says) {
			t.Errorf("%q: %q, %v; want it refused saying %q", b.typed, got, err, b.says)
		}
	}
}

// A file to open must be there and be one PsyPlan reads.
func TestOpenPathNeedsAFileItReads(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "Leeds.psyplan")
	os.WriteFile(plan, []byte("{}"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o600)
	exts := []string{".psyplan", ".xlsx"}
	if got, err := OpenPath(`"`+plan+`"`, "", exts); got != plan || err != nil {
		t.Errorf("the plan file: %q, %v", got, err)
	}
	for typed, says := range map[string]string{
		filepath.Join(dir, "York.psyplan"): "there is no file York.psyplan in " + dir,
		filepath.Join(dir, "notes.txt"):    "notes.txt is not a file PsyPlan reads: it takes .psyplan, .xlsx",
		dir:                                dir + " is a folder",
		"Leeds.psyplan":                    `"Leeds.psyplan" is not a full path`,
	} {
		if _, err := OpenPath(typed, "", exts); err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("%q: %v, want %q", typed, err, says)
		}
	}
	if got, err := FolderPath(dir, ""); got != dir || err != nil {
		t.Errorf("the folder: %q, %v", got, err)
	}
	if _, err := FolderPath(filepath.Join(dir, "gone"), ""); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("a missing folder: %v", err)
	}
}

// exportDialog is an export's dialog over a 1920 x 1080 window on the
// library at path, as the plan window shows it.
func exportDialog(t *testing.T, lib *store.Library, saved *[]string) (*SaveDialog, fyne.Window) {
	t.Helper()
	win := test.NewTempApp(t).NewWindow("PsyPlan")
	win.Resize(fyne.NewSize(1920, 1080))
	what := widget.NewRadioGroup([]string{"Workbook (.xlsx)", "Report for a board paper (.pdf)"}, nil)
	what.SetSelected("Workbook (.xlsx)")
	items := []*widget.FormItem{widget.NewFormItem("Export", what)}
	f := &Files{}
	if lib != nil {
		f.Folders = lib
	}
	sd := f.Save(win, "Export Humber and York", items, "Humber and York", ".xlsx", func(path string) { *saved = append(*saved, path) })
	what.OnChanged = func(s string) {
		if strings.HasSuffix(s, "(.pdf)") {
			sd.SetExt(".pdf")
		}
	}
	sd.Show()
	return sd, win
}

// The export dialog takes a typed full path, refuses a bad one with a
// message (and writes nothing), and the next dialog, even after the
// library is closed and opened again, starts in the folder it went to.
func TestTheExportDialogStartsWhereTheLastWent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var saved []string
	sd, _ := exportDialog(t, lib, &saved)
	if dir := filepath.Dir(sd.Path()); dir != (&Files{}).StartFolder() {
		t.Errorf("a new library's first export starts in %s", dir)
	}
	papers := t.TempDir()
	missing := filepath.Join(papers, "tmp", "Humber.xlsx")
	sd.SetPath(missing)
	sd.Confirm()
	if want := "The folder " + filepath.Dir(missing) + " does not exist"; !strings.HasPrefix(sd.Problem(), want) || len(saved) != 0 {
		t.Fatalf("a missing folder: %q, saved %v; want %q and nothing saved", sd.Problem(), saved, want)
	}
	sd.SetPath(filepath.Join(papers, "March board"))
	if sd.Problem() != "" {
		t.Fatalf("a good path: %q", sd.Problem())
	}
	sd.Confirm()
	if want := filepath.Join(papers, "March board.xlsx"); len(saved) != 1 || saved[0] != want {
		t.Fatalf("saved %v, want %s", saved, want)
	}
	lib.Close()

	again, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if dir, _ := again.LastFolder(context.Background()); dir != papers {
		t.Errorf("the library remembers %q, want %q", dir, papers)
	}
	sd, _ = exportDialog(t, again, &saved)
	if want := filepath.Join(papers, "Humber and York.xlsx"); sd.Path() != want {
		t.Errorf("the next export starts at %q, want %q", sd.Path(), want)
	}
	sd.SetExt(".pdf") // the report chosen: the file's ending follows
	if want := filepath.Join(papers, "Humber and York.pdf"); sd.Path() != want {
		t.Errorf("after choosing the report the path is %q, want %q", sd.Path(), want)
	}
}

// A file already there is replaced only once the planner says so.
func TestAnExportAsksBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	there := filepath.Join(dir, "Humber and York.xlsx")
	os.WriteFile(there, []byte("last month's"), 0o600)
	var saved []string
	sd, win := exportDialog(t, nil, &saved)
	sd.SetPath(there)
	sd.Confirm()
	if len(saved) != 0 || !strings.Contains(kittest.OverlayText(win), "Humber and York.xlsx is already in "+dir) {
		t.Fatalf("saved %v before asking; the window says:\n%s", saved, kittest.OverlayText(win))
	}
	test.Tap(kittest.Button(t, win.Canvas().Overlays().Top(), "Yes"))
	if len(saved) != 1 || saved[0] != there {
		t.Errorf("saved %v after Yes", saved)
	}
}

// After an export the planner is told where it went, and can open the
// folder.
func TestWrittenSaysWhereAndOpensTheFolder(t *testing.T) {
	win := test.NewTempApp(t).NewWindow("PsyPlan")
	win.Resize(fyne.NewSize(1920, 1080))
	var opened []string
	f := &Files{ShowFolder: func(dir string) error { opened = append(opened, dir); return nil }}
	dir := t.TempDir()
	f.Written(win, filepath.Join(dir, "Humber.pdf"))
	if text := kittest.OverlayText(win); !strings.Contains(text, "Humber.pdf was written in the folder\n"+dir) {
		t.Fatalf("the window says:\n%s", text)
	}
	test.Tap(kittest.Button(t, win.Canvas().Overlays().Top(), "Open the folder"))
	if len(opened) != 1 || opened[0] != dir {
		t.Errorf("opened %v, want %s", opened, dir)
	}
}

// Pictures of the file dialogs at 1920 x 1080, for people to look at:
// set PSYPLAN_FILES_SHOTS to a folder.
func TestFileDialogScreenshots(t *testing.T) {
	out := os.Getenv("PSYPLAN_FILES_SHOTS")
	if out == "" {
		t.Skip("PSYPLAN_FILES_SHOTS not set")
	}
	shot := func(name string, win fyne.Window) {
		f, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	var saved []string
	sd, win := exportDialog(t, nil, &saved)
	shot("files-1-export", win)
	sd.SetPath("/root/tmp/Humber and York.xlsx")
	shot("files-2-export-bad-folder", win)
	sd.browse()
	shot("files-3-browse", win)
	win.Canvas().Overlays().Remove(win.Canvas().Overlays().Top())
	sd.dialog.Hide()
	(&Files{}).Written(win, filepath.Join(sd.start, "Humber and York.pdf"))
	shot("files-4-written", win)
}

// The import dialog starts in the last folder with no file chosen: no
// error is said until the planner types; a file that is there is taken.
func TestTheImportDialogTakesATypedFile(t *testing.T) {
	win := test.NewTempApp(t).NewWindow("PsyPlan")
	win.Resize(fyne.NewSize(1920, 1080))
	var opened []string
	pd := (&Files{}).Open(win, "Import a plan", "Import", []string{".psyplan"}, func(p string) { opened = append(opened, p) })
	pd.Show()
	if pd.Problem() != "" {
		t.Errorf("before typing it says %q", pd.Problem())
	}
	dir := t.TempDir()
	pd.SetPath(filepath.Join(dir, "Leeds.psyplan"))
	pd.Confirm()
	if len(opened) != 0 || !strings.HasPrefix(pd.Problem(), "There is no file Leeds.psyplan in "+dir) {
		t.Fatalf("a missing file: opened %v, says %q", opened, pd.Problem())
	}
	os.WriteFile(filepath.Join(dir, "Leeds.psyplan"), []byte("{}"), 0o600)
	pd.SetPath(`"` + filepath.Join(dir, "Leeds.psyplan") + `"`)
	pd.Confirm()
	if len(opened) != 1 || opened[0] != filepath.Join(dir, "Leeds.psyplan") {
		t.Errorf("opened %v", opened)
	}
}

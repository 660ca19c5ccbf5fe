package kit

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
)

// A path typed or pasted by the planner is read as they mean it: quotes
// around it (Windows' "Copy as path" adds them) and spaces are dropped, ~
// is their home, a file:// address is its path, and a name without a
// folder is in the folder the dialog started in.

// windowsPath is a drive letter or a network share, as Windows writes them.
var windowsPath = regexp.MustCompile(`^([A-Za-z]:[\\/]|\\\\)`)

// resolvePath is the full, clean path text means, relative to start.
func resolvePath(text, start string) (string, error) {
	p := strings.TrimSpace(text)
	p = strings.TrimSpace(strings.Trim(p, `"'`))
	if p == "" {
		return "", errors.New("no file or folder is given: type or paste its full path, or choose it with Browse…")
	}
	if strings.HasPrefix(p, "file://") {
		u, err := url.Parse(p)
		if err != nil {
			return "", fmt.Errorf("%q is not a file's address: %v", p, err)
		}
		p = filepath.FromSlash(u.Path)
		if runtime.GOOS == "windows" && len(p) > 2 && p[0] == '\\' && p[2] == ':' {
			p = p[1:] // file:///C:/… is C:\…
		}
	}
	if runtime.GOOS != "windows" && windowsPath.MatchString(p) {
		return "", fmt.Errorf("%q is a Windows path, but this computer's folders start with /: choose the folder with Browse…", p)
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("%q starts at your home folder, which cannot be found: %v", p, err)
		}
		p = filepath.Join(home, p[1:])
	}
	if !filepath.IsAbs(p) {
		if start == "" {
			return "", fmt.Errorf("%q is not a full path: give the folder too", p)
		}
		p = filepath.Join(start, p)
	}
	return filepath.Clean(p), nil
}

// folderMissing says that dir, which a path needs, is not a folder.
func folderMissing(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("the folder %s does not exist: check the path, or choose a folder with Browse…", dir)
	case err != nil:
		return fmt.Errorf("the folder %s cannot be read: %v", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("%s is a file, not a folder", dir)
	}
	return nil
}

// SavePath is where text (typed, pasted or chosen) says to save a file
// ending in ext: its folder must exist; a folder given alone gets name;
// a name without ext gets it. The file itself may exist (the planner is
// asked before it is replaced).
func SavePath(text, start, name, ext string) (string, error) {
	p, err := resolvePath(text, start)
	if err != nil {
		return "", err
	}
	typed := strings.TrimRight(strings.TrimSpace(text), `"'`)
	if isDir(p) || strings.HasSuffix(typed, "/") || strings.HasSuffix(typed, string(filepath.Separator)) {
		p = filepath.Join(p, name) // a folder, meant as one even when it is missing
	}
	if !strings.HasSuffix(strings.ToLower(p), strings.ToLower(ext)) {
		p += ext
	}
	if err := folderMissing(filepath.Dir(p)); err != nil {
		return "", err
	}
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return "", fmt.Errorf("%s is a folder: give a file name after it", p)
	}
	return p, nil
}

// OpenPath is the file text names, which must exist and end in one of
// exts (any, when exts is empty).
func OpenPath(text, start string, exts []string) (string, error) {
	p, err := resolvePath(text, start)
	if err != nil {
		return "", err
	}
	if err := folderMissing(filepath.Dir(p)); err != nil {
		return "", err
	}
	fi, err := os.Stat(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("there is no file %s in %s: check the name, or choose it with Browse…", filepath.Base(p), filepath.Dir(p))
	case err != nil:
		return "", fmt.Errorf("%s cannot be read: %v", p, err)
	case fi.IsDir():
		return "", fmt.Errorf("%s is a folder: choose a file in it", p)
	}
	if len(exts) > 0 && !slices.ContainsFunc(exts, func(e string) bool { return strings.HasSuffix(strings.ToLower(p), e) }) {
		return "", fmt.Errorf("%s is not a file PsyPlan reads: it takes %s", filepath.Base(p), strings.Join(exts, ", "))
	}
	return p, nil
}

// FolderPath is the folder text names, which must exist.
func FolderPath(text, start string) (string, error) {
	p, err := resolvePath(text, start)
	if err != nil {
		return "", err
	}
	if err := folderMissing(p); err != nil {
		return "", err
	}
	return p, nil
}

package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"example.org/psyplan/exchange"
)

// importFiles lists the files to import: each argument, or for a folder
// every plan file or workbook in it (by their endings, in name order, not
// looking into folders inside). A folder that cannot be read or holds
// none is refused, with the reason.
func importFiles(args []string) (files []string, refused []error) {
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			files = append(files, arg) // reading it says what is wrong
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			refused = append(refused, fmt.Errorf("%s: the folder cannot be read (%v)", arg, err))
			continue
		}
		found := 0
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && slices.Contains(exchange.ImportExtensions, ext) {
				files = append(files, filepath.Join(arg, e.Name()))
				found++
			}
		}
		if found == 0 {
			refused = append(refused, fmt.Errorf("%s: the folder holds no plan file or workbook (%s)", arg,
				strings.Join(exchange.ImportExtensions, " or ")))
		}
	}
	return files, refused
}

// refusedFiles is the error of an import that refused some files: a
// lone file's own error, or every refused file with its reason.
func refusedFiles(lone bool, refused []error) error {
	switch {
	case len(refused) == 0:
		return nil
	case lone:
		return refused[0]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d not imported, nothing of them stored (every other file was imported):", len(refused))
	for _, err := range refused {
		b.WriteString("\n" + indent(err.Error()))
	}
	return errors.New(b.String())
}

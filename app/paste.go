package app

import (
	"errors"
	"fmt"
	"strings"

	"example.org/psyplan/plan"
)

// pasteFromClipboard adds the rows copied from a spreadsheet.
func (rt *recordTable) pasteFromClipboard() {
	text := rt.ui.app.Clipboard().Content()
	if err := rt.paste(text); err != nil {
		rt.message.SetText("Nothing was pasted. " + err.Error())
		return
	}
	rt.message.SetText("")
	rt.table.ScrollToBottom()
}

// editable are the columns a pasted row fills, in order.
func (rt *recordTable) editable() []column {
	var cols []column
	for _, c := range rt.def.columns {
		if c.set != nil {
			cols = append(cols, c)
		}
	}
	return cols
}

// paste adds rows copied from Excel or LibreOffice (cells separated by
// tabs) as new records, in the order of the table's editable columns. A
// header row is skipped. Any bad cell refuses the whole paste, naming its
// row and column; nothing is added.
func (rt *recordTable) paste(text string) error {
	cols := rt.editable()
	rows := splitRows(text)
	if len(rows) > 0 && isHeader(rows[0], cols) {
		rows = rows[1:]
	}
	if len(rows) == 0 {
		return fmt.Errorf("the clipboard has no rows: copy cells from a spreadsheet first (columns: %s)", titles(cols))
	}
	return rt.edit("", func(p *plan.Plan) error {
		first := rt.def.count(p)
		for r, cells := range rows {
			if len(cells) > len(cols) {
				return fmt.Errorf("row %d has %d cells; a %s has %d columns: %s", r+1, len(cells), rt.def.noun, len(cols), titles(cols))
			}
			if err := rt.def.add(p); err != nil {
				return err
			}
			i := rt.def.count(p) - 1
			for j, c := range cols {
				cell := "" // a short row leaves its last columns blank
				if j < len(cells) {
					cell = cells[j]
				}
				if err := c.set(p, i, cell); err != nil {
					return fmt.Errorf("row %d, column %s: %v", r+1, c.title, err)
				}
			}
		}
		return rt.locate(plan.Validate(p), p, first)
	})
}

// locate turns the plan's messages about pasted records into "row 3,
// column Intake: ..." so the planner can find the cell.
func (rt *recordTable) locate(errs plan.Errors, p *plan.Plan, first int) error {
	if errs == nil {
		return nil
	}
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		if rt.def.source != nil && !rt.inPasted(e, p, first) {
			continue // the draft's to say, with the rest of what is wrong
		}
		lines = append(lines, rt.pastedCell(e, p, first))
	}
	if len(lines) == 0 {
		return nil
	}
	return errors.New(strings.Join(lines, "\n"))
}

// inPasted tells whether e is about a cell of the pasted records (not
// about what the table leaves to other tables, such as a service area's
// targets).
func (rt *recordTable) inPasted(e plan.FieldError, p *plan.Plan, first int) bool {
	for i := first; i < rt.def.count(p); i++ {
		prefix := rt.def.path(i)
		for _, c := range rt.editable() {
			if e.Path == prefix+"."+c.field {
				return true
			}
		}
	}
	return false
}

func (rt *recordTable) pastedCell(e plan.FieldError, p *plan.Plan, first int) string {
	for i := first; i < rt.def.count(p); i++ {
		prefix := rt.def.path(i)
		row := i - first + 1
		for _, c := range rt.def.columns {
			if e.Path == prefix+"."+c.field {
				return fmt.Sprintf("row %d, column %s: %s", row, c.title, e.Msg)
			}
		}
		if e.Path == prefix || strings.HasPrefix(e.Path, prefix+".") {
			return fmt.Sprintf("row %d: %s", row, e.Msg)
		}
	}
	return plainError(e)
}

func splitRows(text string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows = append(rows, cells)
	}
	return rows
}

func isHeader(cells []string, cols []column) bool {
	return len(cells) > 0 && len(cols) > 0 && strings.EqualFold(cells[0], cols[0].title)
}

func titles(cols []column) string {
	t := make([]string, len(cols))
	for i, c := range cols {
		t[i] = c.title
	}
	return strings.Join(t, ", ")
}

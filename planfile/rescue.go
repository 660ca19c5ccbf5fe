package planfile

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"example.org/psyplan/plan"
)

// Rescue reads as much as it can of a plan file that Read refuses, for a
// damaged plan to be shown and exported as far as it goes: the plan with
// every field that could be read (one that could not is left at its zero
// value), and the error Read gives (nil for a sound file). The plan is nil
// when the file is not JSON, or not a plan file of a version this package
// reads. Use Read for anything else: only Read's plan is sound.
func Rescue(data []byte) (*plan.Plan, error) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		line, col := lineColumn(data, firstInvalidUTF8(data))
		return nil, fmt.Errorf("line %d, column %d: the file is not UTF-8 text (save it as UTF-8 and try again)", line, col)
	}
	root, serr := parseJSON(data)
	if serr != nil {
		line, col := lineColumn(data, serr.off)
		return nil, fmt.Errorf("line %d, column %d: %s", line, col, serr.msg)
	}
	d := &decoder{data: data}
	p := d.plan(root)
	if len(d.errs) == 0 {
		d.errs = plan.Validate(p)
	}
	if len(d.errs) > 0 {
		return p, trim(d.errs)
	}
	return p, nil
}

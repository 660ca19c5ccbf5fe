package planfile

import (
	"fmt"
	"math"
	"strconv"

	"example.org/psyplan/plan"
)

// decoder turns the parsed JSON into a plan, noting every key that is
// unknown, repeated, missing or of the wrong type, by its field path.
type decoder struct {
	data    []byte
	errs    plan.Errors
	version int // the file's, once checked: 1, 2 or 3
	slab    []fields
}

// fields gives room for an object's fields, handed out of blocks: a
// national plan has 30,000 objects.
func (d *decoder) fields() *fields {
	if len(d.slab) == 0 {
		d.slab = make([]fields, 256)
	}
	f := &d.slab[0]
	d.slab = d.slab[1:]
	return f
}

func (d *decoder) add(path, format string, args ...any) {
	d.errs = append(d.errs, plan.FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// unnamed is the path of an item read before its path is made (items).
const unnamed = "?"

func join(path, key string) string {
	if path == "" || path == unnamed {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// fields is one JSON object whose keys have been checked against the
// contract's names: keys holds the allowed ones, each once, and vals their
// values. They are the object's own lists when it is clean (the usual).
type fields struct {
	d    *decoder
	path string
	keys []string
	vals []*node
}

// object checks that n is an object holding only the allowed keys, each
// once. It returns nil (and notes why) when n is not an object.
func (d *decoder) object(path string, n *node, allowed ...string) *fields {
	if n.kind != kObject {
		d.add(path, "must be an object ({ ... }), not %s", kindNames[n.kind])
		return nil
	}
	f := d.fields()
	*f = fields{d: d, path: path, keys: n.keys(), vals: n.vals()}
	if clean(f.keys, allowed) {
		return f
	}
	f.keys, f.vals = nil, nil
	for i, k := range n.keys() {
		if !contains(allowed, k) {
			d.add(join(path, k), "unknown field")
			continue
		}
		if contains(f.keys, k) {
			line, col := lineColumn(d.data, n.koffs()[i])
			d.add(join(path, k), "appears twice in the same object (again at line %d, column %d)", line, col)
			continue
		}
		f.keys, f.vals = append(f.keys, k), append(f.vals, n.vals()[i])
	}
	return f
}

// clean tells whether every key is allowed and none is repeated. There
// are never more of those than allowed keys, so it costs little however
// many keys a hostile file gives.
func clean(keys, allowed []string) bool {
	if len(keys) > len(allowed) {
		return false
	}
	for i, k := range keys {
		if !contains(allowed, k) || contains(keys[:i], k) {
			return false
		}
	}
	return true
}

// value is the key's value, nil when absent.
func (f *fields) value(key string) *node {
	for i, k := range f.keys {
		if k == key {
			return f.vals[i]
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// get returns the key's value, or nil when it is absent or null; a
// required key that is absent or null is noted.
func (f *fields) get(key string, required bool) *node {
	n := f.value(key)
	if n == nil || n.kind == kNull {
		if required {
			f.d.add(join(f.path, key), "is required")
		}
		return nil
	}
	return n
}

func (f *fields) is(n *node, key string, k kind) bool {
	if n.kind == k {
		return true
	}
	what := kindNames[n.kind]
	if n.kind == kString {
		what = fmt.Sprintf("text (%q)", n.text)
	}
	f.d.add(join(f.path, key), "must be %s, not %s", kindNames[k], what)
	return false
}

func (f *fields) str(key string, required bool) string {
	if n := f.get(key, required); n != nil && f.is(n, key, kString) {
		return n.text
	}
	return ""
}

// optStr is a text key that may be null: nil when it is.
func (f *fields) optStr(key string) *string {
	if n := f.get(key, false); n != nil && f.is(n, key, kString) {
		return &n.text
	}
	return nil
}

func (f *fields) optNum(key string) *float64 {
	if n := f.get(key, false); n != nil && f.is(n, key, kNumber) {
		v := n.num
		return &v
	}
	return nil
}

func (f *fields) num(key string, required bool, def float64) float64 {
	if n := f.get(key, required); n != nil && f.is(n, key, kNumber) {
		return n.num
	}
	return def
}

func (f *fields) boolean(key string) *bool {
	if n := f.get(key, false); n != nil && f.is(n, key, kBool) {
		b := n.b
		return &b
	}
	return nil
}

// since2 refuses, in a version 1 file, the keys version 2 added.
func (f *fields) since2(keys ...string) { f.since(2, keys...) }

// since refuses, in a file older than version, the keys that version
// added, unless they are null (the same as absent); a refused key is then
// read as absent.
func (f *fields) since(version int, keys ...string) {
	if f.d.version >= version {
		return
	}
	for _, k := range keys {
		for i, have := range f.keys {
			if have == k && f.vals[i] != nil && f.vals[i].kind != kNull {
				f.d.add(join(f.path, k), "needs \"version\": %d", version)
				// copied, not changed in place: they may be the object's own
				f.keys = append(f.keys[:i:i], f.keys[i+1:]...)
				f.vals = append(f.vals[:i:i], f.vals[i+1:]...)
				break
			}
		}
	}
}

// whole reads a required whole number (12 or 12.0, not 12.5) within lo..hi.
func (f *fields) whole(key string, lo, hi int) int {
	n := f.get(key, true)
	if n == nil || !f.is(n, key, kNumber) {
		return 0
	}
	v, _ := f.wholeIn(n, key, lo, hi)
	return v
}

// optWhole reads an optional whole number within lo..hi: nil when absent,
// null or refused.
func (f *fields) optWhole(key string, lo, hi int) *int {
	n := f.get(key, false)
	if n == nil || !f.is(n, key, kNumber) {
		return nil
	}
	if v, ok := f.wholeIn(n, key, lo, hi); ok {
		return &v
	}
	return nil
}

func (f *fields) wholeIn(n *node, key string, lo, hi int) (int, bool) {
	switch {
	case n.num != math.Trunc(n.num):
		f.d.add(join(f.path, key), "%s is not a whole number", plan.Num(n.num))
	case n.num < float64(lo):
		f.d.add(join(f.path, key), "%s is below %s", plan.Num(n.num), plan.Num(float64(lo)))
	case n.num > float64(hi):
		f.d.add(join(f.path, key), "%s is above %s", plan.Num(n.num), plan.Num(float64(hi)))
	default:
		return int(n.num), true
	}
	return 0, false
}

func (f *fields) month(key string) plan.Month {
	s := f.str(key, true)
	if s == "" {
		return 0
	}
	m, err := plan.ParseMonth(s)
	if err != nil {
		f.d.add(join(f.path, key), "%v", err)
	}
	return m
}

// list returns the items of an optional list (nil when absent or null).
func (f *fields) list(key string) []*node {
	if n := f.get(key, false); n != nil && f.is(n, key, kArray) {
		return n.vals()
	}
	return nil
}

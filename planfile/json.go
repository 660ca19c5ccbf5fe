package planfile

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// A small JSON reader that keeps what encoding/json throws away and the
// plan file contract needs: every value's position (for messages), object
// keys in order with duplicates kept (duplicates are refused), and whether
// a number was written as a number or a string.

type kind uint8

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kArray
	kObject
)

var kindNames = [...]string{"null", "true or false", "a number", "text", "a list", "an object"}

// node is one value. It is kept small (a national plan has a million of
// them, and the collector reads every one): what only objects and arrays
// have is in their members.
type node struct {
	kind kind
	b    bool
	off  int // byte offset of the value in the file
	num  float64
	text string   // a string's value
	m    *members // an object's or an array's; nil for any other value
}

// members are an object's keys (with the byte offset of each) and
// values, or an array's items.
type members struct {
	keys  []string
	koffs []int
	vals  []*node
}

func (n *node) keys() []string {
	if n.m == nil {
		return nil
	}
	return n.m.keys
}

func (n *node) koffs() []int {
	if n.m == nil {
		return nil
	}
	return n.m.koffs
}

func (n *node) vals() []*node {
	if n.m == nil {
		return nil
	}
	return n.m.vals
}

// maxDepth is far deeper than any plan file; it keeps a hostile file from
// exhausting the stack.
const maxDepth = 32

type syntaxError struct {
	off int
	msg string
}

type parser struct {
	data  []byte
	pos   int
	depth int
	// A plan of national size has a million values: they are handed out
	// of blocks, and each key's text is made once, so reading one does not
	// cost a million allocations.
	slab    []node
	members []members
	keys    map[string]string
	values  map[string]string // short values' text (short)
	// An object's keys and values, or an array's items, are gathered on
	// these stacks (objects nest), then carved to size out of blocks.
	stackKeys  []string
	stackKoffs []int
	stackVals  []*node
	blockKeys  []string
	blockKoffs []int
	blockVals  []*node
}

// carve copies src into a block, allocating a new block only when the
// current one is full.
func carve[T any](block *[]T, src []T) []T {
	if len(src) == 0 {
		return nil
	}
	if cap(*block)-len(*block) < len(src) {
		*block = make([]T, 0, max(1024, len(src)))
	}
	start := len(*block)
	*block = append(*block, src...)
	return (*block)[start:len(*block):len(*block)]
}

// node gives a new value of kind k at offset off.
func (p *parser) node(k kind, off int) *node {
	if len(p.slab) == 0 {
		p.slab = make([]node, 256)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.kind, n.off = k, off
	return n
}

// short is the text of a value: one string for every short value
// written alike (a national plan names 16 professions, 210 service areas
// and 200 months in 90,000 places), up to a few thousand of them.
func (p *parser) short(raw []byte) string {
	if len(raw) > 40 {
		return string(raw)
	}
	if v, ok := p.values[string(raw)]; ok {
		return v
	}
	v := string(raw)
	if len(p.values) < 4096 {
		p.values[v] = v
	}
	return v
}

// container gives n, an object or an array, its members.
func (p *parser) container(n *node) *members {
	if len(p.members) == 0 {
		p.members = make([]members, 64)
	}
	n.m = &p.members[0]
	p.members = p.members[1:]
	return n.m
}

// intern is the text of a key: one string for every key written alike.
func (p *parser) intern(raw []byte) string {
	if k, ok := p.keys[string(raw)]; ok {
		return k
	}
	k := string(raw)
	p.keys[k] = k
	return k
}

func parseJSON(data []byte) (*node, *syntaxError) {
	p := &parser{data: data, keys: map[string]string{}, values: map[string]string{}}
	p.space()
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.data) {
		return nil, p.fail("unexpected text after the end of the plan")
	}
	return n, nil
}

func (p *parser) fail(msg string) *syntaxError { return &syntaxError{p.pos, msg} }

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() (*node, *syntaxError) {
	if p.pos >= len(p.data) {
		return nil, p.fail("the file ends where a value was expected")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		off := p.pos
		s, err := p.str()
		n := p.node(kString, off)
		n.text = s
		return n, err
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		return p.literal()
	}
}

func (p *parser) literal() (*node, *syntaxError) {
	for _, l := range []struct {
		word string
		n    node
	}{{"true", node{kind: kBool, b: true}}, {"false", node{kind: kBool}}, {"null", node{kind: kNull}}} {
		if len(p.data)-p.pos >= len(l.word) && string(p.data[p.pos:p.pos+len(l.word)]) == l.word {
			n := p.node(l.n.kind, p.pos)
			n.b = l.n.b
			p.pos += len(l.word)
			return n, nil
		}
	}
	return nil, p.fail("invalid JSON: expected a value (text in quotes, a number, true, false, null, a list or an object)")
}

func (p *parser) enter() *syntaxError {
	p.depth++
	if p.depth > maxDepth {
		return p.fail("invalid JSON: nested too deeply")
	}
	return nil
}

func (p *parser) object() (*node, *syntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	n := p.node(kObject, p.pos)
	p.pos++
	p.space()
	if p.peek('}') {
		p.pos++
		p.depth--
		return n, nil
	}
	baseK, baseV := len(p.stackKeys), len(p.stackVals)
	for {
		p.space()
		if !p.peek('"') {
			return nil, p.fail("invalid JSON: expected a key in quotes")
		}
		koff := p.pos
		k, err := p.keyStr()
		if err != nil {
			return nil, err
		}
		p.space()
		if !p.peek(':') {
			return nil, p.fail("invalid JSON: expected ':' after a key")
		}
		p.pos++
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.stackKeys, p.stackKoffs, p.stackVals = append(p.stackKeys, k), append(p.stackKoffs, koff), append(p.stackVals, v)
		p.space()
		if p.peek(',') {
			p.pos++
			continue
		}
		if p.peek('}') {
			p.pos++
			p.depth--
			m := p.container(n)
			m.keys = carve(&p.blockKeys, p.stackKeys[baseK:])
			m.koffs = carve(&p.blockKoffs, p.stackKoffs[baseK:])
			m.vals = carve(&p.blockVals, p.stackVals[baseV:])
			p.stackKeys, p.stackKoffs, p.stackVals = p.stackKeys[:baseK], p.stackKoffs[:baseK], p.stackVals[:baseV]
			return n, nil
		}
		return nil, p.fail("invalid JSON: expected ',' or '}'")
	}
}

func (p *parser) array() (*node, *syntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	n := p.node(kArray, p.pos)
	p.pos++
	p.space()
	if p.peek(']') {
		p.pos++
		p.depth--
		return n, nil
	}
	base := len(p.stackVals)
	for {
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.stackVals = append(p.stackVals, v)
		p.space()
		if p.peek(',') {
			p.pos++
			continue
		}
		if p.peek(']') {
			p.pos++
			p.depth--
			p.container(n).vals = carve(&p.blockVals, p.stackVals[base:])
			p.stackVals = p.stackVals[:base]
			return n, nil
		}
		return nil, p.fail("invalid JSON: expected ',' or ']'")
	}
}

func (p *parser) peek(c byte) bool { return p.pos < len(p.data) && p.data[p.pos] == c }

// str reads a string; escapes are rare in plans, so only a string that has
// one is handed to encoding/json to decode.
func (p *parser) str() (string, *syntaxError) { return p.text(false) }

// keyStr reads a key, which is one of few: see intern.
func (p *parser) keyStr() (string, *syntaxError) { return p.text(true) }

func (p *parser) text(isKey bool) (string, *syntaxError) {
	start := p.pos
	p.pos++
	escaped := false
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			raw := p.data[start:p.pos]
			if !escaped && isKey {
				return p.intern(raw[1 : len(raw)-1]), nil
			}
			if !escaped {
				return p.short(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				p.pos = start
				return "", p.fail("invalid JSON: a bad escape (\\) in text")
			}
			return s, nil
		case c == '\\':
			escaped = true
			p.pos += 2
		case c < 0x20:
			return "", p.fail("invalid JSON: a control character (such as a line break) inside text in quotes")
		default:
			p.pos++
		}
	}
	p.pos = start
	return "", p.fail("invalid JSON: text in quotes is never closed")
}

func (p *parser) number() (*node, *syntaxError) {
	start := p.pos
	p.accept('-')
	if p.peek('0') {
		p.pos++
	} else if !p.digits() {
		return nil, p.fail("invalid JSON: a number needs digits")
	}
	if p.accept('.') && !p.digits() {
		return nil, p.fail("invalid JSON: a number needs digits after the decimal point")
	}
	if p.accept('e') || p.accept('E') {
		if !p.accept('+') {
			p.accept('-')
		}
		if !p.digits() {
			return nil, p.fail("invalid JSON: a number needs digits in its exponent")
		}
	}
	f, ok := shortNumber(p.data[start:p.pos])
	if !ok {
		text := string(p.data[start:p.pos])
		var err error
		if f, err = strconv.ParseFloat(text, 64); err != nil { // only a number too large for a float64 gets here
			p.pos = start
			return nil, p.fail(fmt.Sprintf("the number %s is too large", text))
		}
	}
	n := p.node(kNumber, start)
	n.num = f
	return n, nil
}

// exactPow10 are the powers of ten a float64 holds exactly.
var exactPow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// shortNumber reads a number of at most 15 digits and no exponent, as
// plans' numbers are (12, 0.9, 41000, 12.5), the way strconv.ParseFloat
// does for them: the digits and the power of ten are both exact in a
// float64, so their quotient, rounded once, is the nearest float64 to the
// number. ok is false for any other number, which ParseFloat reads.
func shortNumber(b []byte) (f float64, ok bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var digits uint64
	count, point := 0, -1
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits = digits*10 + uint64(c-'0')
			count++
		case c == '.' && point < 0:
			point = i
		default:
			return 0, false
		}
	}
	if count == 0 || count > 15 {
		return 0, false
	}
	f = float64(digits)
	if point >= 0 {
		f /= exactPow10[len(b)-point-1]
	}
	if neg {
		f = -f
	}
	return f, true
}

func (p *parser) accept(c byte) bool {
	if p.peek(c) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) digits() bool {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}

// lineColumn turns a byte offset into a 1-based line and column (in characters).
func lineColumn(data []byte, off int) (line, col int) {
	line, lineStart := 1, 0
	for i := 0; i < off && i < len(data); i++ {
		if data[i] == '\n' {
			line, lineStart = line+1, i+1
		}
	}
	return line, utf8.RuneCount(data[lineStart:min(off, len(data))]) + 1
}

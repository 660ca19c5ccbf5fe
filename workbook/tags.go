package workbook

import (
	"bytes"
	"fmt"
	"io"
)

// maxTagBytes is the longest tag (an element's name and attributes) taken:
// Excel's are far shorter, and encoding/xml holds all of a tag's
// attributes at once, so a part that is one tag with millions of
// attributes would otherwise take gigabytes.
const maxTagBytes = 1 << 20

// tagLimiter passes XML through, refusing it once a tag grows longer than
// maxTagBytes. It follows quotes (a '>' may sit in an attribute's value),
// and lets comments and CDATA sections be as long as the part.
type tagLimiter struct {
	r      io.Reader
	state  tagState
	quote  byte
	n      int     // bytes of the current tag
	start  [9]byte // the tag's first bytes, to recognise <!-- and <![CDATA[
	recent [3]byte // the last bytes, to recognise --> and ]]>
}

type tagState uint8

const (
	inText tagState = iota
	inTag
	inComment
	inCDATA
)

func (t *tagLimiter) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	for _, c := range p[:n] {
		if e := t.step(c); e != nil {
			return 0, e
		}
	}
	return n, err
}

func (t *tagLimiter) step(c byte) error {
	t.recent = [3]byte{t.recent[1], t.recent[2], c}
	switch t.state {
	case inText:
		if c == '<' {
			t.state, t.n, t.quote = inTag, 0, 0
		}
		return nil
	case inComment:
		if t.recent == [3]byte{'-', '-', '>'} {
			t.state = inText
		}
		return nil
	case inCDATA:
		if t.recent == [3]byte{']', ']', '>'} {
			t.state = inText
		}
		return nil
	}
	if t.n < len(t.start) {
		t.start[t.n] = c
	}
	t.n++
	switch {
	case t.n == 3 && bytes.Equal(t.start[:3], []byte("!--")):
		t.state = inComment
		t.recent = [3]byte{}
	case t.n == 8 && bytes.Equal(t.start[:8], []byte("![CDATA[")):
		t.state = inCDATA
		t.recent = [3]byte{}
	case t.quote != 0:
		if c == t.quote {
			t.quote = 0
		}
	case c == '"' || c == '\'':
		t.quote = c
	case c == '>':
		t.state = inText
	}
	if t.n > maxTagBytes {
		return fmt.Errorf("a tag longer than %d MB", maxTagBytes>>20)
	}
	return nil
}

package planfile

// indent lays out compact JSON as json.Indent(dst, src, "", "  ") does,
// byte for byte, for JSON that encoding/json wrote: valid, with no space
// outside strings. json.Indent checks every byte against the grammar,
// which is most of the time a national plan's file takes to write; this
// only copies, breaking lines after { [ and , and before } and ].
func indent(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/2)
	depth := 0
	for i := 0; i < len(src); {
		j := i
		for j < len(src) && !structural[src[j]] {
			j++ // a number, true, false or null: copied as it is
		}
		out = append(out, src[i:j]...)
		if j == len(src) {
			break
		}
		switch c := src[j]; c {
		case '"':
			end := stringEnd(src, j)
			out = append(out, src[j:end]...)
			j = end - 1
		case '{', '[':
			out = append(out, c)
			if j+1 < len(src) && (src[j+1] == '}' || src[j+1] == ']') {
				out = append(out, src[j+1]) // an empty object or array stays {} or []
				j++
				break
			}
			depth++
			out = lineBreak(out, depth)
		case '}', ']':
			depth--
			out = lineBreak(out, depth)
			out = append(out, c)
		case ',':
			out = lineBreak(append(out, ','), depth)
		case ':':
			out = append(out, ':', ' ')
		}
		i = j + 1
	}
	return out
}

// structural marks the bytes indent stops at.
var structural = func() (t [256]bool) {
	for _, c := range `"{}[],:` {
		t[c] = true
	}
	return t
}()

// stringEnd is the index just after the string that opens at src[i].
func stringEnd(src []byte, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++ // the escaped byte is the string's, even a quote
		case '"':
			return j + 1
		}
	}
	return len(src)
}

func lineBreak(out []byte, depth int) []byte {
	out = append(out, '\n')
	for range depth {
		out = append(out, ' ', ' ')
	}
	return out
}

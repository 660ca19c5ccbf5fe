package planfile

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// indent lays out what encoding/json writes exactly as json.Indent does:
// on thousands of made-up values (strings holding brackets, commas,
// colons, quotes, backslashes, escapes and other scripts; empty objects
// and arrays; nesting) and on whole plan files.
func TestIndentIsJSONIndent(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 12))
	for n := 0; n < 3000; n++ {
		checkIndent(t, madeUpValue(rng, 4))
	}
}

// Plan files are written with the same bytes as an encoder that indents
// wrote them, by Write and by Compact then LayOut: the national plan, the
// default plan and names full of what JSON escapes.
func TestPlanFileBytesAreTheEncodersBytes(t *testing.T) {
	p, err := Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	odd := plantest.York()
	odd.Name, odd.Area = `A&E "acute" <care> \ {x: [1, 2]}`, "Ynys Môn, Cymru — ☕\u2028"
	odd.Notes = "line\nbreak\ttab, \"quoted\" and \\backslash\\"
	for _, p := range []*plan.Plan{plantest.NationalV3(), p, odd} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(fileOf(p)); err != nil {
			t.Fatal(err)
		}
		got, err := Write(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: %d bytes written, the encoder's %d", p.Name, len(got), want.Len())
		}
		compact, err := Compact(p)
		if err != nil || !bytes.Equal(LayOut(compact), want.Bytes()) {
			t.Errorf("%s: Compact's file laid out is not Write's (%v)", p.Name, err)
		}
	}
}

func checkIndent(t *testing.T, v any) {
	t.Helper()
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	if got := indent(compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("indent of %s:\n%s\njson.Indent:\n%s", compact.Bytes(), got, want.Bytes())
	}
}

// madeUpValue is a random JSON value up to depth levels deep.
func madeUpValue(rng *rand.Rand, depth int) any {
	pieces := []string{`"`, `\`, `{`, `}`, `[`, `]`, `,`, `:`, ` `, "\n", "\t", "\u2028", "é", "☕", "&<>", "\\\"", "ab", "0"}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	kind := rng.IntN(8)
	if depth == 0 {
		kind %= 5
	}
	switch kind {
	case 0:
		return text()
	case 1:
		return rng.NormFloat64() * 1e6
	case 2:
		return rng.IntN(2) == 0
	case 3:
		return nil
	case 4:
		return rng.IntN(1000) - 500
	case 5, 6:
		m := map[string]any{}
		for range rng.IntN(4) {
			m[text()] = madeUpValue(rng, depth-1)
		}
		return m
	default:
		a := []any{}
		for range rng.IntN(4) {
			a = append(a, madeUpValue(rng, depth-1))
		}
		return a
	}
}

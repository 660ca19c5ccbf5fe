package report

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

// The board paper made from each profession's sum of its lines (what
// psyplan export makes for it) is the paper made from the whole
// projection (what the window hands it), object for object, byte for byte
// but the moment it was made: the national plans (version 3's lines pooled), and the default
// plan with its scenarios. Plans with access targets need the whole
// projection (the demand page reads every service area) and get it.
func TestBoardPaperFromProfessionsIsTheSame(t *testing.T) {
	if testing.Short() {
		t.Skip("writes six board papers, four of the national plan")
	}
	def, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	v3 := plantest.NationalV3()
	for name, p := range map[string]*plan.Plan{"national": plantest.National(), "national v2": plantest.NationalV2(),
		"national v3": v3, "default": def} {
		p.Demand = nil
		whole, err := plan.Project(p, "")
		if err != nil {
			t.Fatal(err)
		}
		sums, err := plan.ProjectByProfession(p, "")
		if err != nil {
			t.Fatal(err)
		}
		a, b := paper(t, p, whole), paper(t, p, sums)
		if len(a) < 10_000 || !bytes.Equal(a, b) {
			t.Errorf("%s: the papers differ (%d and %d bytes)", name, len(a), len(b))
		}
	}
	if len(def.Scenarios) == 0 {
		t.Error("the default plan has no scenario: the side by side is not tried")
	}
}

// paper is the board paper of p with its pages uncompressed, as its
// lines sorted, with what numbers its objects taken out: fpdf numbers
// the charts' images and lists them in the order of a map, so two papers
// of one plan differ there; and without the moments it was made and changed.
func paper(t *testing.T, p *plan.Plan, pr *plan.Projection) []byte {
	t.Helper()
	uncompressed = true
	defer func() { uncompressed = false }()
	var buf bytes.Buffer
	if err := Write(&buf, p, pr, plan.MonthOf(2026, 12)); err != nil {
		t.Fatal(err)
	}
	numbers := regexp.MustCompile(`\d+ 0 (R|obj)|/(Creation|Mod)Date \([^)]*\)|^\d{10} \d{5} [nf] ?$|^\d+$`)
	lines := bytes.Split(buf.Bytes(), []byte("\n"))
	for i, l := range lines {
		lines[i] = numbers.ReplaceAll(l, nil)
	}
	slices.SortFunc(lines, bytes.Compare)
	return bytes.Join(lines, []byte("\n"))
}

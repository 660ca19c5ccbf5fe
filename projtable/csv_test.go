package projtable

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

// One line whose service area needs quoting, 1,000,000 WTE in post (an
// exponent in the shortest form) and a 2-month projection.
func TestCSVQuotingAndNumbers(t *testing.T) {
	p := &plan.Plan{Name: "Q", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2020, 4), CapHires: true,
		Trajectory:  plan.Trajectory{Interpolation: plan.Linear},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 12}},
		Posts:       []plan.PostLine{{Profession: "cbt", ServiceArea: `Adult, "common"`, InPostWTE: 1e6, FundedWTE: 1e6}},
	}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	pr, _ := plan.Project(p, "")
	var buf bytes.Buffer
	if err := WriteCSV(&buf, pr); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"month,profession,service_area,in_post_wte,headcount,funded_wte,vacancy_wte,leavers_wte,moved_out_wte," +
			"qualified_wte,hired_qualified_wte,placed_elsewhere_wte,recruited_wte,unplaced_wte,waiting_wte,in_training,trainee_wte," +
			"workforce_wte,pay_cost_gbp,target_wte,gap_wte",
		// in post, headcount, funded, then twelve columns of 0, workforce, pay cost (1e6 x 12 / 12)
		`2020-03,cbt,"Adult, ""common""",1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,,`,
		"2020-03,ALL,ALL,1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,1e+06,0",
		`2020-04,cbt,"Adult, ""common""",1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,,`,
		"2020-04,ALL,ALL,1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,1e+06,0",
		""}, "\n")
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	buf.Reset()
	if err := WriteJSON(&buf, pr); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(rows) != 4 || rows[0]["service_area"] != `Adult, "common"` || rows[0]["gap_wte"] != nil || rows[1]["target_wte"] != 1e6 {
		t.Errorf("json rows %v", rows)
	}
}

// A scenario named like a formula reaches the compare CSV's header as
// text a spreadsheet will not run: an apostrophe first.
func TestCSVTextIsNeverAFormula(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(\"x\")": "\"'=HYPERLINK(\"\"x\"\")\"", "+1": "'+1", "-2": "'-2", "@a": "'@a",
		"Plan": "Plan", "a=b": "a=b"} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}

// appendNum writes what strconv.FormatFloat(x, 'g', -1, 64) writes:
// zeros of both signs, whole numbers either side of a million, and
// fractions.
func TestAppendNumIsFormatFloat(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 7, 100, 123456, 999999, -999999, 1e6, -1e6, 1234567,
		1e21, 0.5, -0.25, 167548.95, 1e-5, 0.0001, 999999.5, 4503599627370496, math.MaxFloat64, math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		xs = append(xs, math.Round(rng.NormFloat64()*1e5), rng.NormFloat64()*1e7, math.Float64frombits(rng.Uint64()))
	}
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		if got, want := string(appendNum(nil, x)), strconv.FormatFloat(x, 'g', -1, 64); got != want {
			t.Fatalf("appendNum(%v) = %q, want %q", x, got, want)
		}
	}
}

// A table made in many pieces at once is the table written row by row,
// and a writer that fails stops it with the writer's error.
func TestCSVInPiecesIsRowByRow(t *testing.T) {
	pr := manyLines(t, 3000)
	if csvChunkMonths(pr) >= pr.Months() {
		t.Fatalf("%d months a piece for %d months: one piece, the test shows nothing", csvChunkMonths(pr), pr.Months())
	}
	var got bytes.Buffer
	if err := WriteCSV(&got, pr); err != nil {
		t.Fatal(err)
	}
	want := appendMonths(appendRecord(nil, Header), pr, lineNames(pr), 0, pr.Months())
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("pieces differ from row by row: %d bytes against %d", got.Len(), len(want))
	}
	full := errors.New("disk full")
	if err := WriteCSV(&failAfter{n: 3, err: full}, pr); err != full {
		t.Fatalf("got %v, want the writer's error", err)
	}
}

// A figure the same as the month before's, or a workforce the same as
// the staff in post, is copied from where it was written: the table is
// still every figure written afresh, on a plan where salaried trainees
// count (so the workforce is the staff in post in some months and not in
// others) and in one piece and many.
func TestCSVCopiedFiguresAreWrittenAfresh(t *testing.T) {
	p := manyLinesPlan(t, 3000)
	p.CountSalariedTrainees = true
	p.Professions[0].TraineesSalaried, p.Professions[0].TraineeWTEPerHead = true, 0.6
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	want.WriteString(strings.Join(Header, ",") + "\n")
	repeats, same := 0, 0
	for i := range pr.Months() {
		for li := range pr.Lines {
			r := pr.Lines[li].Row(i)
			fmt.Fprintf(&want, "%s,%s,%s", pr.Month(i), pr.Lines[li].Key.Profession, pr.Lines[li].Key.ServiceArea)
			for _, x := range Values(&r) {
				want.WriteString("," + strconv.FormatFloat(x, 'g', -1, 64))
			}
			want.WriteString(",,\n")
			if i > 0 && r.Funded != 0 && r.Funded == pr.Lines[li].Row(i-1).Funded {
				repeats++
			}
			if r.InPost != 0 && r.Workforce == r.InPost {
				same++
			}
		}
		r := pr.Total[i]
		fmt.Fprintf(&want, "%s,ALL,ALL", pr.Month(i))
		v := Values(&r)
		for _, x := range append(v[:], pr.Target[i], pr.Gap[i]) {
			want.WriteString("," + strconv.FormatFloat(x, 'g', -1, 64))
		}
		want.WriteString("\n")
	}
	if repeats == 0 || same == 0 || same == pr.Months()*len(pr.Lines) {
		t.Fatalf("%d repeated funded figures, %d workforces the staff in post: the test shows nothing", repeats, same)
	}
	var got bytes.Buffer
	if err := WriteCSV(&got, pr); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("the table differs from every figure written afresh (%d bytes against %d)", got.Len(), want.Len())
	}
	one := appendMonths(nil, pr, lineNames(pr), 0, pr.Months())
	if string(one) != strings.TrimPrefix(want.String(), strings.Join(Header, ",")+"\n") {
		t.Fatal("the table in one piece differs from every figure written afresh")
	}
}

// manyLines projects a plan of n lines over three years.
func manyLines(t *testing.T, n int) *plan.Projection {
	t.Helper()
	pr, err := plan.Project(manyLinesPlan(t, n), "")
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

// manyLinesPlan is a plan of n lines over three years: in post and funded
// posts vary by line, recruits and a cohort each.
func manyLinesPlan(t *testing.T, n int) *plan.Plan {
	t.Helper()
	p := &plan.Plan{Name: "Many", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2023, 3), CapHires: true,
		Trajectory:  plan.Trajectory{Interpolation: plan.Linear, Milestones: []plan.Milestone{{Month: plan.MonthOf(2022, 4), GrowthPct: 10}}},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 0.9, CostPerWTE: 41000, LeaverRatePct: 12}},
	}
	for i := range n {
		area := fmt.Sprintf("Area %04d", i)
		p.Posts = append(p.Posts, plan.PostLine{Profession: "cbt", ServiceArea: area, InPostWTE: float64(i % 97), FundedWTE: float64(i%97) + 2.5, RecruitsWTEPerYear: 3})
		p.Cohorts = append(p.Cohorts, plan.Cohort{Profession: "cbt", ServiceArea: area, Start: plan.MonthOf(2020, 9), DurationMonths: 12, Intake: i % 7, CompletionPct: 90, TakeupPct: 80})
	}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	return p
}

// failAfter fails every write after its first n.
type failAfter struct {
	n   int
	err error
}

func (w *failAfter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, w.err
	}
	w.n--
	return len(p), nil
}

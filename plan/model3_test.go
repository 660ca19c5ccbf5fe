package plan

import "testing"

// threeCBTLines is one profession in three service areas, nobody leaving,
// capping on, qualifiers moving between service areas, no wait:
//
//	Adult: 10 in post, 10 funded, a cohort qualifying in Apr 2020
//	Older: 5 in post, 9 funded (4 free in Apr)
//	Perinatal: 0 in post, 2 funded (2 free), 12 recruits a year offered
func threeCBTLines(qualifying int) *Plan {
	return &Plan{
		Name: "Test", Baseline: mar2020, Horizon: mar2020 + 2, CapHires: true, QualifiersMove: true,
		Trajectory:  Trajectory{Interpolation: Linear},
		Professions: []Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1}},
		Posts: []PostLine{
			{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 10, FundedWTE: 10},
			{Profession: "cbt", ServiceArea: "Older", InPostWTE: 5, FundedWTE: 9},
			{Profession: "cbt", ServiceArea: "Perinatal", InPostWTE: 0, FundedWTE: 2, RecruitsWTEPerYear: 12},
		},
		Cohorts: []Cohort{{Profession: "cbt", ServiceArea: "Adult", Start: mar2020 - 11, DurationMonths: 12,
			Intake: qualifying, CompletionPct: 100, TakeupPct: 100}},
	}
}

// Rule 8b, every free post filled: 10 WTE wait in Adult, 6 posts are free
// elsewhere (Older 4, Perinatal 2). moved = min(10, 6) = 6 = Free: Older
// and Perinatal take all their free room, Adult's list gives 10 x 6/10 = 6,
// and with no wait the other 4 are lost. Perinatal's room is full, so its
// recruit is not hired.
func TestQualifiersFillFreePostsElsewhere(t *testing.T) {
	pr := project(t, threeCBTLines(10), "")
	adult, older, peri := pr.Lines[0].Row(1), pr.Lines[1].Row(1), pr.Lines[2].Row(1)
	near(t, "Adult placed elsewhere", adult.PlacedElsewhere, 6)
	near(t, "Adult hired qualified", adult.HiredQualified, 0)
	near(t, "Adult unplaced", adult.Unplaced, 4)
	near(t, "Older hired qualified", older.HiredQualified, 4)
	near(t, "Older in post", older.InPost, 9)
	near(t, "Perinatal hired qualified", peri.HiredQualified, 2)
	near(t, "Perinatal recruited", peri.Recruited, 0)
	near(t, "Perinatal in post", peri.InPost, 2)
	near(t, "total placed elsewhere", pr.Total[1].PlacedElsewhere, 6)
	// May: nothing qualifies and every post is full.
	near(t, "Perinatal recruited in May", pr.Lines[2].Row(2).Recruited, 0)
}

// Rule 8b, everyone placed: 3 WTE wait, 6 free. Each line's room takes its
// share: Older 4 x 3/6 = 2, Perinatal 2 x 3/6 = 1; Perinatal's one post
// left goes to its recruit (1 a month).
func TestWaitingQualifiersAllPlacedElsewhere(t *testing.T) {
	pr := project(t, threeCBTLines(3), "")
	adult, older, peri := pr.Lines[0].Row(1), pr.Lines[1].Row(1), pr.Lines[2].Row(1)
	near(t, "Adult placed elsewhere", adult.PlacedElsewhere, 3)
	near(t, "Adult unplaced", adult.Unplaced, 0)
	near(t, "Older hired qualified", older.HiredQualified, 2)
	near(t, "Older in post", older.InPost, 7)
	near(t, "Perinatal hired qualified", peri.HiredQualified, 1)
	near(t, "Perinatal recruited", peri.Recruited, 1)
	near(t, "Perinatal in post", peri.InPost, 2)
}

// With the switch off (the plan's, or a scenario's override) each service
// area is sealed off: all 10 are lost, and Perinatal hires its recruit.
func TestQualifiersStayWithoutTheSwitch(t *testing.T) {
	p := threeCBTLines(10)
	p.Scenarios = []Scenario{{Name: "Sealed", QualifiersMove: ptr(false)}}
	for _, sc := range []string{"Sealed"} {
		pr := project(t, p, sc)
		near(t, sc+": Adult unplaced", pr.Lines[0].Row(1).Unplaced, 10)
		near(t, sc+": Adult placed elsewhere", pr.Lines[0].Row(1).PlacedElsewhere, 0)
		near(t, sc+": Older hired", pr.Lines[1].Row(1).HiredQualified, 0)
		near(t, sc+": Perinatal recruited", pr.Lines[2].Row(1).Recruited, 1)
	}
	p.QualifiersMove = false
	p.Scenarios[0].QualifiersMove = ptr(true)
	near(t, "plan off: Adult unplaced", project(t, p, "").Lines[0].Row(1).Unplaced, 10)
	near(t, "scenario on: Adult placed", project(t, p, "Sealed").Lines[0].Row(1).PlacedElsewhere, 6)
}

// With capping off every qualifier is hired where they trained: nobody moves.
func TestNoMovesWithoutCapping(t *testing.T) {
	p := threeCBTLines(10)
	p.CapHires = false
	pr := project(t, p, "")
	near(t, "Adult hired qualified", pr.Lines[0].Row(1).HiredQualified, 10)
	near(t, "Adult placed elsewhere", pr.Lines[0].Row(1).PlacedElsewhere, 0)
}

// Waiting qualifiers move too, oldest first: with a 2-month wait and no
// free post in April, the 10 wait; in May Older's funded posts grow by 4
// and 4 of them move there.
func TestWaitingQualifiersMoveLater(t *testing.T) {
	p := threeCBTLines(10)
	p.QualifierWaitMonths = 2
	p.Horizon = mar2020 + 3
	p.Posts[1].FundedWTE, p.Posts[2].FundedWTE, p.Posts[2].RecruitsWTEPerYear = 5, 0, 0
	p.Posts[1].Changes = []FundedChange{{Month: mar2020 + 2, FundedWTEDelta: 4}}
	pr := project(t, p, "")
	near(t, "Apr waiting", pr.Lines[0].Row(1).Waiting, 10)
	near(t, "May placed elsewhere", pr.Lines[0].Row(2).PlacedElsewhere, 4)
	near(t, "May waiting", pr.Lines[0].Row(2).Waiting, 6)
	near(t, "May Older hired", pr.Lines[1].Row(2).HiredQualified, 4)
	near(t, "Jun unplaced (qualified Apr, waited 2 months)", pr.Lines[0].Row(3).Unplaced, 6)
}

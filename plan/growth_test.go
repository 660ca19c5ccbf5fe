package plan

import "testing"

// Growth by profession, worked by hand: PWPs 100 WTE with 20 % leavers
// and no hires are 80 a year on (-20 %); CBT therapists 50 WTE with no
// leavers stay 50 (0 %); a new role with only a cohort of salaried
// trainees, counted in the workforce, has no staff in post at the
// baseline and is left out, though its baseline workforce is 10 WTE.
func TestGrowthByProfessionLeavesOutRolesWithOnlyCohorts(t *testing.T) {
	p := onePWPLine()
	p.CountSalariedTrainees = true
	p.Professions[0].LeaverRatePct = 20
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE = 100, 100
	p.Professions = append(p.Professions,
		Profession{ID: "cbt", Name: "CBT therapist", WTEPerHead: 1},
		Profession{ID: "new", Name: "New role", WTEPerHead: 1, TraineesSalaried: true, TraineeWTEPerHead: 1})
	p.Posts = append(p.Posts, PostLine{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 50, FundedWTE: 50})
	p.Cohorts = []Cohort{{Profession: "new", ServiceArea: "Adult", Start: mar2020 - 1, DurationMonths: 36, Intake: 10, CompletionPct: 100, TakeupPct: 100}}
	pj := project(t, p, "")
	got := GrowthByProfession(p, pj, mar2020+12, nil)
	if len(got) != 2 || got[0].Profession != "pwp" || got[1].Profession != "cbt" {
		t.Fatalf("growth = %+v, want pwp then cbt only", got)
	}
	near(t, "PWP base", got[0].Base, 100)
	near(t, "PWP at Mar 2021", got[0].At, 80)
	near(t, "PWP growth", got[0].GrowthPct, -20)
	near(t, "CBT growth", got[1].GrowthPct, 0)
	for li := range pj.Lines {
		if l := &pj.Lines[li]; l.Key.Profession == "new" {
			near(t, "new role's baseline workforce", l.Row(0).Workforce, 10)
		}
	}
	// Kept to one profession, the other is not summed in.
	only := GrowthByProfession(p, pj, mar2020+12, func(k LineKey) bool { return k.Profession == "cbt" })
	if len(only) != 1 || only[0].Profession != "cbt" {
		t.Errorf("kept to CBT = %+v", only)
	}
	if GrowthByProfession(p, pj, mar2020+200, nil) != nil {
		t.Error("a month outside the projection has growth")
	}
}

func TestTraineeWTEOfZeroMeansOne(t *testing.T) {
	for _, c := range []struct{ set, want float64 }{{0, 1}, {0.5, 0.5}, {1, 1}} {
		if got := (Profession{TraineeWTEPerHead: c.set}).TraineeWTEOrDefault(); got != c.want {
			t.Errorf("trainee WTE %v reads %v, want %v", c.set, got, c.want)
		}
	}
}

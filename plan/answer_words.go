package plan

import (
	"fmt"
	"math"
	"strings"

	"example.org/psyplan/format"
)

// Sentence says the answer as a room understands it, in people, WTE and
// pounds: "Train 18 % more (PWP, CBT therapist) on courses starting Sep
// 2021 to Apr 2023: 412 more people, to reach the trajectory by Apr 2024,
// costing £12.3m more in pay to Mar 2029."
func (a Answer) Sentence(p *Plan) string {
	who := a.professionNames(p)
	aim := "reach the trajectory"
	if a.Target == TargetDemand {
		aim = "meet the access targets"
	}
	switch {
	case !a.Reachable:
		return fmt.Sprintf("Not reachable by raising %s (%s): %s.", a.leverWords(), who, a.Reason)
	case a.Pct == 0:
		return fmt.Sprintf("Already there: the plan %s by %s without more %s.", verbS(aim), a.By.Label(), a.leverWords())
	}
	var what string
	switch a.Lever {
	case LeverRecruitment:
		what = fmt.Sprintf("Recruit %d %% more from outside (%s), over the whole plan", a.Pct, who)
	case LeverFunded:
		what = fmt.Sprintf("Fund %d %% more posts (%s) from the baseline on", a.Pct, who)
	default:
		what = fmt.Sprintf("Train %d %% more (%s) on courses starting %s: %s more %s",
			a.Pct, who, a.startSpan(), format.Whole(float64(a.ExtraIntake)), plural(a.ExtraIntake, "person", "people"))
	}
	return fmt.Sprintf("%s, to %s by %s, costing %s more in pay to %s.", what, aim, a.By.Label(),
		format.PoundsShort(a.ExtraPayCost), p.Horizon.Label())
}

// verbS turns "reach the trajectory" into "reaches the trajectory", and
// "meet the access targets" into "meets the access targets".
func verbS(aim string) string {
	verb, rest, _ := strings.Cut(aim, " ")
	if strings.HasSuffix(verb, "ch") || strings.HasSuffix(verb, "sh") {
		return verb + "es " + rest
	}
	return verb + "s " + rest
}

// startSpan is when the extra cohorts start: "Apr 2020", or "Apr 2020 to
// Sep 2021".
func (a Answer) startSpan() string {
	first, last := Month(0), Month(0)
	for _, c := range a.Solved.ExtraCohorts {
		if c.Start < a.From || c.QualifyMonth() > a.By {
			continue
		}
		if first == 0 || c.Start < first {
			first = c.Start
		}
		last = max(last, c.Start)
	}
	if first == last {
		return first.Label()
	}
	return first.Label() + " to " + last.Label()
}

// ScenarioName is the solved scenario's default name: "Solved: intake +12
// % by Apr 2024", or "Solved: intake +12 % for the access target by Mar 2027".
func (a Answer) ScenarioName() string {
	if a.Target == TargetDemand {
		return fmt.Sprintf("Solved: %s +%d %% for the access target by %s", a.Lever, a.Pct, a.By.Label())
	}
	return fmt.Sprintf("Solved: %s +%d %% by %s", a.Lever, a.Pct, a.By.Label())
}

func (a Answer) leverWords() string {
	switch a.Lever {
	case LeverRecruitment:
		return "recruitment"
	case LeverFunded:
		return "funded posts"
	}
	return "training intake"
}

func (a Answer) professionNames(p *Plan) string {
	names := make([]string, 0, len(a.Professions))
	for _, id := range a.Professions {
		if prof := p.Profession(id); prof != nil {
			names = append(names, prof.Name)
		}
	}
	if len(names) == 0 {
		return "no profession"
	}
	if len(names) > 3 {
		return fmt.Sprintf("%s and %d other professions", strings.Join(names[:2], ", "), len(names)-2)
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ChanceSentence says the chance of being on track at month m in words:
// "About 1 in 4 runs reach the trajectory by Apr 2024."
func (b *Band) ChanceSentence(m Month) string {
	i := b.Index(m)
	if i < 0 {
		return ""
	}
	share := b.OnTrack[i]
	var words string
	switch {
	case share == 0:
		words = "No run reaches"
	case share == 1:
		words = "Every run reaches"
	case share < 0.05:
		words = "Fewer than 1 in 20 runs reach"
	case share > 0.95:
		words = "More than 19 in 20 runs reach"
	default:
		words = "About " + roughShare(share) + " runs reach"
	}
	on := int(math.Round(share * float64(b.Runs)))
	return fmt.Sprintf("%s the trajectory by %s (%s of %s runs).", words, m.Label(),
		format.Whole(float64(on)), format.Whole(float64(b.Runs)))
}

// roughShare writes a share as the simplest "1 in 4" or "3 in 4" close to it.
func roughShare(share float64) string {
	best, bestN, bestD := math.Inf(1), 1, 2
	for d := 2; d <= 10; d++ {
		for n := 1; n < d; n++ {
			if e := math.Abs(float64(n)/float64(d) - share); e < best-1e-9 {
				best, bestN, bestD = e, n, d
			}
		}
	}
	return fmt.Sprintf("%d in %d", bestN, bestD)
}

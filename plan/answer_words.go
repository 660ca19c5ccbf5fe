package plan

import (
	"fmt"
	"math"
	"strings"

	"example.org/psyplan/format"
)

// Sentence says the answer as a room understands it: "Start 18 % more
// trainees (PWP, CBT therapist) on courses starting from Sep 2021: 412 more
// people in all, to reach the trajectory by Apr 2024."
func (a Answer) Sentence(p *Plan) string {
	who := a.professionNames(p)
	switch {
	case !a.Reachable:
		return fmt.Sprintf("Not reachable by raising %s (%s): %s.", a.leverWords(), who, a.Reason)
	case a.Pct == 0:
		return fmt.Sprintf("Already there: the plan reaches the trajectory by %s without more %s.", a.By.Label(), a.leverWords())
	case a.Lever == LeverRecruitment:
		return fmt.Sprintf("Recruit %d %% more from outside (%s), over the whole plan, to reach the trajectory by %s.",
			a.Pct, who, a.By.Label())
	}
	return fmt.Sprintf("Start %d %% more trainees (%s) on courses starting from %s: %s more %s in all, to reach the trajectory by %s.",
		a.Pct, who, a.From.Label(), format.Whole(float64(a.ExtraIntake)), plural(a.ExtraIntake, "person", "people"), a.By.Label())
}

// ScenarioName is the solved scenario's default name: "Solved: intake +12 % by Apr 2024".
func (a Answer) ScenarioName() string {
	return fmt.Sprintf("Solved: %s +%d %% by %s", a.Lever, a.Pct, a.By.Label())
}

func (a Answer) leverWords() string {
	if a.Lever == LeverRecruitment {
		return "recruitment"
	}
	return "training intake"
}

func (a Answer) professionNames(p *Plan) string {
	names := make([]string, 0, len(a.Professions))
	for _, id := range a.Professions {
		if pr := p.Profession(id); pr != nil {
			names = append(names, pr.Name)
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

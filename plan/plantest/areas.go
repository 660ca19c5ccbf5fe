package plantest

import (
	"fmt"
	"strings"

	"example.org/psyplan/plan"
)

// AreaPlans splits the national plan into its 42 areas, each a plan of
// its own ("ICS 01" to "ICS 42") with the national assumptions and
// trajectory and its own baseline WTE, so their targets add up to the
// national one: what a region's or England's roll-up is made of.
func AreaPlans() []*plan.Plan {
	n := National()
	out := make([]*plan.Plan, Areas)
	for a := range out {
		p := *n
		p.Name, p.Area, p.Scenarios = fmt.Sprintf("ICS %02d", a+1), fmt.Sprintf("ICS %02d (synthetic)", a+1), nil
		p.Posts, p.Cohorts = nil, nil
		prefix := p.Name + " "
		for _, l := range n.Posts {
			if strings.HasPrefix(l.ServiceArea, prefix) {
				p.Posts = append(p.Posts, l)
			}
		}
		for _, c := range n.Cohorts {
			if strings.HasPrefix(c.ServiceArea, prefix) {
				p.Cohorts = append(p.Cohorts, c)
			}
		}
		out[a] = &p
	}
	return out
}

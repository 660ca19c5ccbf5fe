package plan

// LeverProfessions is every profession the lever moves unless told
// otherwise (answers.md): with a cohort, for intake, or with a post line
// that recruits, for recruitment, in the plan's order. The window offers
// them ticked. An unknown scenario gives none.
func LeverProfessions(p *Plan, scenario, lever string) []string {
	base, err := scenarioOf(p, scenario)
	if err != nil {
		return nil
	}
	a := Answer{Question: Question{Lever: lever}}
	return a.leverProfessions(p, base)
}

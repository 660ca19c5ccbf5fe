package plan

// Bridge walks the workforce from the baseline to a month through the
// engine's own flows:
//
//	Start - Leavers - MovedOut + HiredQualified + Recruited + TraineeChange = End
//
// Every step is a column of the projection summed over the months (or,
// for the trainees, read at both ends): none is worked out as whatever
// is left over, so the steps add up only because the engine's flows do.
type Bridge struct {
	At             Month   // the month the bridge walks to
	Start          float64 // workforce at the baseline
	Leavers        float64 // staff in post who left
	MovedOut       float64 // staff in post who left their posts to train
	HiredQualified float64 // qualifiers hired into posts
	Recruited      float64 // recruits hired from outside the plan's own training
	// TraineeChange is the change in salaried trainee WTE from the
	// baseline to At when the plan counts salaried trainees in the
	// workforce; 0 when it does not.
	TraineeChange float64
	End           float64 // workforce at At
}

// Bridge is the bridge of rows (a projection's total, or the sum of some
// of its lines, month by month from the baseline) to the month at.
// A month outside the projection is taken as its nearest end.
func (p *Plan) Bridge(pj *Projection, rows []Row, at Month) Bridge {
	if len(rows) == 0 {
		return Bridge{At: at}
	}
	end := min(max(int(at-pj.Baseline), 0), len(rows)-1)
	b := Bridge{At: pj.Month(end), Start: rows[0].Workforce, End: rows[end].Workforce}
	for i := 1; i <= end; i++ {
		r := &rows[i]
		b.Leavers += r.Leavers
		b.MovedOut += r.MovedOut
		b.HiredQualified += r.HiredQualified
		b.Recruited += r.Recruited
	}
	if p.CountSalariedTrainees {
		b.TraineeChange = rows[end].TraineeWTE - rows[0].TraineeWTE
	}
	return b
}

// Sum is where the steps take the start: End, to rounding, when the
// engine's flows add up.
func (b Bridge) Sum() float64 {
	return b.Start - b.Leavers - b.MovedOut + b.HiredQualified + b.Recruited + b.TraineeChange
}

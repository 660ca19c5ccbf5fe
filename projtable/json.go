package projtable

import (
	"bufio"
	"encoding/json"
	"io"

	"example.org/psyplan/plan"
)

// WriteJSON writes the same rows as WriteCSV as a JSON array of objects
// keyed by the CSV header; target_wte and gap_wte are null on line rows.
func WriteJSON(w io.Writer, pr *plan.Projection) error {
	if !Finite(pr) {
		return ErrNotFinite
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	buf := make([]byte, 0, 1024)
	buf = append(buf, '[')
	first := true
	row := func(month, profession, area string, r *plan.Row, target, gap *float64) {
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = append(buf, "\n{\"month\":\""...)
		buf = append(buf, month...)
		buf = append(buf, "\",\"profession\":"...)
		buf = appendJSONString(buf, profession)
		buf = append(buf, ",\"service_area\":"...)
		buf = appendJSONString(buf, area)
		for i, x := range Values(r) {
			buf = append(buf, ",\""...)
			buf = append(buf, Header[3+i]...)
			buf = append(buf, "\":"...)
			buf = appendNum(buf, x)
		}
		for i, x := range [...]*float64{target, gap} {
			buf = append(buf, ",\""...)
			buf = append(buf, Header[3+rowColumns+i]...)
			buf = append(buf, "\":"...)
			if x == nil {
				buf = append(buf, "null"...)
			} else {
				buf = appendNum(buf, *x)
			}
		}
		buf = append(buf, '}')
	}
	for i := 0; i < pr.Months(); i++ {
		month := pr.Month(i).String()
		for li := range pr.Lines {
			l := &pr.Lines[li]
			r := l.Row(i)
			row(month, l.Key.Profession, l.Key.ServiceArea, &r, nil, nil)
			if len(buf) > 1<<15 {
				if _, err := bw.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
		row(month, plan.TotalWord, plan.TotalWord, &pr.Total[i], &pr.Target[i], &pr.Gap[i])
	}
	buf = append(buf, "\n]\n"...)
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	return bw.Flush()
}

func appendJSONString(buf []byte, s string) []byte {
	b, _ := json.Marshal(s)
	return append(buf, b...)
}

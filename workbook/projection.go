package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"

	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// The Projection sheet of a national plan has 600,000 rows: through
// excelize's stream writer it took 13 s. So the workbook is written with
// that sheet empty, then copied entry by entry (already compressed) into
// the final file, with the sheet's XML written here directly: numbers as
// numbers, text as inline strings (never formulas).

// withProjection copies the workbook in book to out, putting the
// projection into the sheet named sheet.
func withProjection(out io.Writer, book []byte, sheet string, pr *plan.Projection, headerStyle int) error {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return err
	}
	target, err := sheetPath(zr, sheet)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	found := false
	for _, f := range zr.File {
		if f.Name != target {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		found = true
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		if err := projectionXML(w, pr, headerStyle); err != nil {
			return err
		}
	}
	if !found {
		return fmt.Errorf("workbook: the %s sheet was not written", sheet)
	}
	return zw.Close()
}

// sheetPath finds the file of the named sheet: workbook.xml names it with
// a relationship id, and workbook.xml.rels says which file that is.
func sheetPath(zr *zip.Reader, sheet string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(zr, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := readXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				if path.IsAbs(r.Target) {
					return r.Target[1:], nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
	}
	return "", fmt.Errorf("workbook: no sheet %q", sheet)
}

func readXML(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return xml.NewDecoder(f).Decode(v)
}

// projectionXML writes the sheet: the projection table's header, then a
// row per line and month and the month's total, frozen under the header.
func projectionXML(out io.Writer, pr *plan.Projection, headerStyle int) error {
	w := bufio.NewWriterSize(out, 1<<16)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="` + strconv.Itoa(len(projtable.Header)) + `" width="14" customWidth="1"/></cols><sheetData>`)
	buf := make([]byte, 0, 1024)
	buf = append(buf, `<row r="1">`...)
	for _, h := range projtable.Header {
		buf = appendText(buf, h, headerStyle)
	}
	buf = append(buf, "</row>"...)
	row := 2
	for i := 0; i < pr.Months(); i++ {
		month := pr.Month(i).String()
		for li := range pr.Lines {
			l := &pr.Lines[li]
			buf = appendRow(buf, row, month, l.Key.Profession, l.Key.ServiceArea, l.Row(i), nil)
			row++
			if len(buf) > 1<<15 {
				w.Write(buf)
				buf = buf[:0]
			}
		}
		buf = appendRow(buf, row, month, plan.TotalWord, plan.TotalWord, pr.Total[i], []float64{pr.Target[i], pr.Gap[i]})
		row++
	}
	buf = append(buf, "</sheetData></worksheet>"...)
	w.Write(buf)
	return w.Flush()
}

func appendRow(buf []byte, n int, month, prof, area string, r plan.Row, more []float64) []byte {
	buf = append(buf, `<row r="`...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, `">`...)
	buf = appendText(buf, month, -1)
	buf = appendText(buf, prof, -1)
	buf = appendText(buf, area, -1)
	for _, x := range projtable.Values(&r) {
		buf = appendNumber(buf, x)
	}
	for _, x := range more {
		buf = appendNumber(buf, x)
	}
	return append(buf, "</row>"...)
}

func appendNumber(buf []byte, x float64) []byte {
	buf = append(buf, "<c><v>"...)
	buf = strconv.AppendFloat(buf, x, 'g', -1, 64)
	return append(buf, "</v></c>"...)
}

// appendText writes an inline string cell: text, never a formula.
func appendText(buf []byte, s string, style int) []byte {
	buf = append(buf, `<c t="inlineStr"`...)
	if style >= 0 {
		buf = append(buf, ` s="`...)
		buf = strconv.AppendInt(buf, int64(style), 10)
		buf = append(buf, '"')
	}
	buf = append(buf, `><is><t xml:space="preserve">`...)
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(s))
	buf = append(buf, esc.Bytes()...)
	return append(buf, "</t></is></c>"...)
}

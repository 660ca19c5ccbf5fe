package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
	"example.org/psyplan/shortest"
)

// excelize writes numbers to 15 significant digits (a plan's 1/3 would
// come back changed), and its stream writer took 13 s for the 600,000
// rows of a national plan's Projection sheet. So the workbook is written
// with its table sheets empty, then copied entry by entry (already
// compressed) into the final file, with those sheets' XML written here
// directly: numbers as numbers in the shortest text that reads back the
// same, text as inline strings (never formulas).

// sheetWriter writes one sheet's XML.
type sheetWriter func(w *bufio.Writer) error

// withSheets copies the workbook in book to out, writing the named sheets
// with their sheetWriter.
func withSheets(out io.Writer, book []byte, sheets map[string]sheetWriter) error {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return err
	}
	// the sheets' parts, found as an import finds them
	b, err := openBook(book)
	if err != nil {
		return err
	}
	byPart := map[string]sheetWriter{}
	for name, write := range sheets {
		part, ok := b.sheets[name]
		if !ok {
			return fmt.Errorf("workbook: no sheet %q", name)
		}
		byPart[part] = write
	}
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, f := range zr.File {
		write := byPart[f.Name]
		if f.Name == contentTypesPart {
			write = sortedContentTypes(f)
		} else if write == nil {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		delete(byPart, f.Name)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		if err := write(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	if len(byPart) > 0 {
		return fmt.Errorf("workbook: %d sheets were not written", len(byPart))
	}
	return zw.Close()
}

// contentTypesPart lists the types of a workbook's parts.
const contentTypesPart = "[Content_Types].xml"

// contentTypes is what contentTypesPart holds: a type for each extension,
// and for some parts their own.
type contentTypes struct {
	XMLName   xml.Name          `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []contentDefault  `xml:"Default"`
	Overrides []contentOverride `xml:"Override"`
}

type contentDefault struct {
	Extension   string `xml:",attr"`
	ContentType string `xml:",attr"`
}

type contentOverride struct {
	PartName    string `xml:",attr"`
	ContentType string `xml:",attr"`
}

// sortedContentTypes writes the part f, contentTypesPart, with its types
// by extension in order: excelize lists them in a map's order, so two
// exports of one plan were not the same bytes. Sorting changes no length:
// a part that would change length (something this does not know) is
// copied as it is.
func sortedContentTypes(f *zip.File) sheetWriter {
	return func(w *bufio.Writer) error {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, 1<<20))
		if err != nil {
			return err
		}
		sorted := data
		var types contentTypes
		if xml.Unmarshal(data, &types) == nil {
			slices.SortStableFunc(types.Defaults, func(a, b contentDefault) int { return strings.Compare(a.Extension, b.Extension) })
			head, _, _ := bytes.Cut(data, []byte("\n")) // the XML declaration
			if body, err := xml.Marshal(types); err == nil && len(head)+1+len(body) == len(data) {
				sorted = slices.Concat(head, []byte("\n"), body)
			}
		}
		_, err = w.Write(sorted)
		return err
	}
}

// sheetStart writes a sheet's XML up to its data: the header row frozen,
// ncols columns of the width.
func sheetStart(w *bufio.Writer, ncols int, width float64) {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="` + strconv.Itoa(ncols) + `" width="` +
		strconv.FormatFloat(width, 'g', -1, 64) + `" customWidth="1"/></cols><sheetData>`)
}

const sheetEnd = "</sheetData></worksheet>"

// tableXML is a sheet of records: the header (a blank title leaves its
// cell empty), then n rows. A row's cells are text (string), numbers
// (float64 or int) or blank (nil).
func tableXML(header []string, n int, row func(i int) []any, width float64, headerStyle int) sheetWriter {
	return func(w *bufio.Writer) error {
		sheetStart(w, len(header), width)
		buf := make([]byte, 0, 1024)
		buf = append(buf, `<row r="1">`...)
		for i, h := range header {
			if h == "" {
				continue
			}
			buf = append(buf, `<c r="`...)
			buf = append(buf, columnName(i)...)
			buf = append(buf, `1"`...)
			buf = appendStyled(buf, h, headerStyle)
		}
		buf = append(buf, "</row>"...)
		for i := 0; i < n; i++ {
			var err error
			if buf, err = appendCells(buf, i+2, row(i)); err != nil {
				return err
			}
			if len(buf) > 1<<15 {
				w.Write(buf)
				buf = buf[:0]
			}
		}
		w.Write(buf)
		_, err := w.WriteString(sheetEnd)
		return err
	}
}

// appendCells writes row n, each cell with its reference so blanks can be
// left out.
func appendCells(buf []byte, n int, cells []any) ([]byte, error) {
	buf = append(buf, `<row r="`...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, `">`...)
	for i, v := range cells {
		if v == nil {
			continue
		}
		buf = append(buf, `<c r="`...)
		buf = append(buf, columnName(i)...)
		buf = strconv.AppendInt(buf, int64(n), 10)
		buf = append(buf, '"')
		switch v := v.(type) {
		case string:
			buf = appendInline(buf, v)
		case float64:
			buf = appendValue(buf, v)
		case int:
			buf = append(buf, "><v>"...)
			buf = strconv.AppendInt(buf, int64(v), 10)
			buf = append(buf, "</v></c>"...)
		default:
			return nil, fmt.Errorf("workbook: a cell of type %T", v)
		}
	}
	return append(buf, "</row>"...), nil
}

// projectionXML writes the sheet: the projection table's header, then a
// row per line and month and the month's total, frozen under the header.
func projectionXML(pr *plan.Projection, headerStyle int) sheetWriter {
	if MonthlyRows(pr) > MaxMonthlyRows {
		return yearlyProjectionXML(pr, headerStyle)
	}
	return func(w *bufio.Writer) error {
		sheetStart(w, len(projtable.Header), 14)
		buf := make([]byte, 0, 1024)
		buf = append(buf, `<row r="1">`...)
		for _, h := range projtable.Header {
			buf = appendText(buf, h, headerStyle)
		}
		buf = append(buf, "</row>"...)
		// each line's two text cells, written once
		keys := make([][]byte, len(pr.Lines))
		for li, l := range pr.Lines {
			keys[li] = appendText(appendText(nil, l.Key.Profession, -1), l.Key.ServiceArea, -1)
		}
		total := appendText(appendText(nil, plan.TotalWord, -1), plan.TotalWord, -1)
		row := 2
		for i := 0; i < pr.Months(); i++ {
			month := appendText(nil, pr.Month(i).String(), -1)
			for li := range pr.Lines {
				buf = appendRow(buf, row, month, keys[li], pr.Lines[li].Row(i), nil)
				row++
				if len(buf) > 1<<15 {
					w.Write(buf)
					buf = buf[:0]
				}
			}
			buf = appendRow(buf, row, month, total, pr.Total[i], []float64{pr.Target[i], pr.Gap[i]})
			row++
		}
		w.Write(buf)
		_, err := w.WriteString(sheetEnd)
		return err
	}
}

// MaxMonthlyRows is the most rows the Projection sheet takes month by
// month: about 50 MB of workbook, well inside Excel's 1,048,576 rows and
// the 100 MB a workbook may be to be imported again. A longer projection
// is written by financial year instead, and the sheet says so.
const MaxMonthlyRows = 500_000

// MonthlyRows is the rows of the monthly projection table: one per line
// and month, and each month's total.
func MonthlyRows(pr *plan.Projection) int { return (len(pr.Lines) + 1) * pr.Months() }

// yearlyNote heads the first column of a projection written by year.
const yearlyNote = "financial_year (by year: month by month would pass Excel's row limit; psyplan project writes every month)"

// yearlyProjectionXML is the projection table by NHS financial year
// (projection.md's yearly rule), line by line, then each year's total.
func yearlyProjectionXML(pr *plan.Projection, headerStyle int) sheetWriter {
	return func(w *bufio.Writer) error {
		sheetStart(w, len(projtable.Header), 14)
		buf := make([]byte, 0, 1024)
		buf = append(buf, `<row r="1">`...)
		for i, h := range projtable.Header {
			if i == 0 {
				h = yearlyNote
			}
			buf = appendText(buf, h, headerStyle)
		}
		buf = append(buf, "</row>"...)
		lineYears := make([][]plan.Year, len(pr.Lines))
		for li := range pr.Lines {
			l := &pr.Lines[li]
			lineYears[li] = pr.Years(l.Row)
		}
		totals := pr.TotalYears()
		total := appendText(appendText(nil, plan.TotalWord, -1), plan.TotalWord, -1)
		row := 2
		for y := range totals {
			year := appendText(nil, totals[y].Label(), -1)
			for li, l := range pr.Lines {
				key := appendText(appendText(nil, l.Key.Profession, -1), l.Key.ServiceArea, -1)
				buf = appendRow(buf, row, year, key, lineYears[li][y].Row, nil)
				row++
				if len(buf) > 1<<15 {
					w.Write(buf)
					buf = buf[:0]
				}
			}
			buf = appendRow(buf, row, year, total, totals[y].Row, []float64{totals[y].Target, totals[y].Gap})
			row++
		}
		w.Write(buf)
		_, err := w.WriteString(sheetEnd)
		return err
	}
}

// appendRow writes a projection row; month and key are its text cells,
// already written.
func appendRow(buf []byte, n int, month, key []byte, r plan.Row, more []float64) []byte {
	buf = append(buf, `<row r="`...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, `">`...)
	buf = append(buf, month...)
	buf = append(buf, key...)
	for _, x := range projtable.Values(&r) {
		buf = appendNumber(buf, x)
	}
	for _, x := range more {
		buf = appendNumber(buf, x)
	}
	return append(buf, "</row>"...)
}

func appendNumber(buf []byte, x float64) []byte {
	return appendValue(append(buf, "<c"...), x)
}

// appendValue ends a number cell whose "<c" and attributes are written.
func appendValue(buf []byte, x float64) []byte {
	buf = append(buf, "><v>"...)
	buf = shortest.Append(buf, x)
	return append(buf, "</v></c>"...)
}

// appendText writes an inline string cell: text, never a formula.
func appendText(buf []byte, s string, style int) []byte {
	return appendStyled(append(buf, `<c`...), s, style)
}

// appendStyled ends an inline string cell whose "<c" and reference are
// written, in the style (none if negative).
func appendStyled(buf []byte, s string, style int) []byte {
	if style >= 0 {
		buf = append(buf, ` s="`...)
		buf = strconv.AppendInt(buf, int64(style), 10)
		buf = append(buf, '"')
	}
	return appendInline(buf, s)
}

// appendInline ends an inline string cell whose "<c" and attributes are
// written. Text that looks like Excel's escape is escaped, so it reads
// back as typed.
func appendInline(buf []byte, s string) []byte {
	buf = append(buf, ` t="inlineStr"><is><t xml:space="preserve">`...)
	if s = escapeXString(s); plainText(s) {
		buf = append(buf, s...)
	} else {
		var esc bytes.Buffer
		xml.EscapeText(&esc, []byte(s))
		buf = append(buf, esc.Bytes()...)
	}
	return append(buf, "</t></is></c>"...)
}

// plainText tells whether XML holds s as it is: printable ASCII, none of
// XML's special characters.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			return false
		}
	}
	return true
}

package workbook

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"example.org/psyplan/format"
)

// What a sheet may hold: a plan's records, far more than the national
// plan's 26,880 cohorts, and its columns with room for a planner's notes.
const (
	maxRows      = 200_000
	maxColumns   = 64     // up to column BL; the widest sheet has 16
	maxCellChars = 32_767 // Excel's own limit
	lastRow      = 1_048_576
	lastColumn   = 16_384 // XFD
)

// xlsxBook is what an import needs of a workbook's parts: where each sheet
// is, the shared text its cells point at, and its date system.
type xlsxBook struct {
	a        *archive
	sheets   map[string]string // sheet name -> part name
	shared   []string
	percent  map[int]bool // cell formats (a cell's s) that show numbers as percentages
	date1904 bool
}

// cell is one cell's content as the workbook stores it: typed text exactly
// as typed, or a stored value ("1E-3", TRUE, an ISO date).
type cell struct {
	text    string
	kind    cellKind
	percent bool // a number cell shown as a percentage: 25% is stored 0.25
}

type cellKind uint8

const (
	textCell   cellKind = iota // shared or inline text, or a formula's text
	numberCell                 // a number as Excel stores it
	boolCell                   // TRUE or FALSE
	dateCell                   // an ISO 8601 date (t="d")
)

func openBook(data []byte) (*xlsxBook, error) {
	a, err := openArchive(data)
	if err != nil {
		return nil, err
	}
	b := &xlsxBook{a: a, sheets: map[string]string{}}
	main := "xl/workbook.xml"
	root, err := b.rels("_rels/.rels", "")
	if err != nil && err != errMissing {
		return nil, err
	}
	for _, r := range root {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			main = r.target
		}
	}
	ids, err := b.workbook(main)
	if err != nil {
		return nil, err
	}
	dir, file := path.Split(main)
	rels, err := b.rels(dir+"_rels/"+file+".rels", dir)
	if err != nil {
		return nil, b.missing(err, "the list of its parts")
	}
	var shared, styles string
	for _, r := range rels {
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			shared = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			styles = r.target
		}
	}
	if styles != "" {
		if err := b.a.read(styles, "the workbook's cell formats", b.readStyles); err != nil {
			return nil, b.missing(err, "its cell formats")
		}
	}
	for name, id := range ids {
		if r, ok := rels[id]; ok {
			b.sheets[name] = r.target
		}
	}
	if shared != "" {
		if err := b.a.read(shared, "the workbook's shared text", b.readShared); err != nil {
			return nil, b.missing(err, "its shared text")
		}
	}
	return b, nil
}

func (b *xlsxBook) missing(err error, what string) error {
	if err == errMissing {
		return refuse("this is not an Excel workbook (.xlsx) PsyPlan can read: %s is missing", what)
	}
	return err
}

type rel struct{ typ, target string }

// rels reads a part's relationships, targets made names of parts (relative
// ones taken from dir).
func (b *xlsxBook) rels(name, dir string) (map[string]rel, error) {
	out := map[string]rel{}
	err := b.a.read(name, "the list of the workbook's parts", func(r io.Reader) error {
		return walk(r, "the list of the workbook's parts", func(e xml.StartElement) error {
			if e.Name.Local != "Relationship" || attr(e, "TargetMode") == "External" {
				return nil
			}
			target := attr(e, "Target")
			if strings.HasPrefix(target, "/") {
				target = path.Clean(target[1:])
			} else {
				target = path.Clean(dir + target)
			}
			out[attr(e, "Id")] = rel{typ: attr(e, "Type"), target: target}
			return nil
		})
	})
	return out, err
}

// workbook reads the workbook part: its sheets' names (with their
// relationship ids) and its date system.
func (b *xlsxBook) workbook(name string) (map[string]string, error) {
	ids := map[string]string{}
	seen := map[string]bool{}
	err := b.a.read(name, "the workbook's list of sheets", func(r io.Reader) error {
		return walk(r, "the workbook's list of sheets", func(e xml.StartElement) error {
			switch e.Name.Local {
			case "workbookPr":
				v := attr(e, "date1904")
				b.date1904 = v == "1" || v == "true"
			case "sheet":
				name := attr(e, "name")
				if seen[strings.ToLower(name)] {
					return refuse("the workbook is damaged: it has two sheets called %s", format.Quote(name))
				}
				seen[strings.ToLower(name)] = true
				for _, a := range e.Attr {
					if a.Name.Local == "id" && a.Name.Space != "" {
						ids[name] = a.Value
					}
				}
			}
			return nil
		})
	})
	return ids, b.missing(err, "the list of its sheets")
}

// maxDepth is far deeper than a workbook's XML goes (about 6).
const maxDepth = 100

// xmlReader is an XML decoder that refuses elements nested deeper than
// maxDepth: encoding/xml keeps every open element in memory, and a part
// of nested elements could take gigabytes.
type xmlReader struct {
	d     *xml.Decoder
	depth int
}

func newXMLReader(r io.Reader) *xmlReader {
	return &xmlReader{d: xml.NewDecoder(&tagLimiter{r: r})}
}

func (x *xmlReader) Token() (xml.Token, error) {
	t, err := x.d.Token()
	switch t.(type) {
	case xml.StartElement:
		if x.depth++; x.depth > maxDepth {
			return nil, fmt.Errorf("elements nested more than %d deep", maxDepth)
		}
	case xml.EndElement:
		x.depth--
	}
	return t, err
}

// walk hands every element of a small part to use, refusing XML that is
// not well formed.
func walk(r io.Reader, what string, use func(xml.StartElement) error) error {
	var err error
	xmlErr := walkAll(r, what, func(t xml.Token) {
		if e, ok := t.(xml.StartElement); ok && err == nil {
			err = use(e)
		}
	})
	if err != nil {
		return err
	}
	return xmlErr
}

// walkAll hands every token of a part to use, refusing XML that is not
// well formed.
func walkAll(r io.Reader, what string, use func(xml.Token)) error {
	d := newXMLReader(r)
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return badXML(what, err)
		}
		use(t)
	}
}

func badXML(what string, err error) error {
	var r *refusal
	if errors.As(err, &r) {
		return err
	}
	return refuse("the workbook is damaged: %s is not well-formed XML (%v)", what, err)
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// readShared reads the shared text: each <si>'s text runs, without the
// phonetic guides (<rPh>) Excel keeps for Japanese.
func (b *xlsxBook) readShared(r io.Reader) error {
	d := newXMLReader(r)
	var text strings.Builder
	inT, inPhonetic := false, 0
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return badXML("the workbook's shared text", err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				text.Reset()
			case "t":
				inT = true
			case "rPh":
				inPhonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				b.shared = append(b.shared, unescapeXString(text.String()))
			case "t":
				inT = false
			case "rPh":
				inPhonetic--
			}
		case xml.CharData:
			if inT && inPhonetic == 0 {
				text.Write(t)
			}
		}
	}
}

// readStyles notes which cell formats show a number as a percentage: the
// built-in 0% and 0.00%, and any custom format with a % sign.
func (b *xlsxBook) readStyles(r io.Reader) error {
	codes := map[string]string{"9": "0%", "10": "0.00%"}
	b.percent = map[int]bool{}
	inXfs, xf := false, 0
	return walkAll(r, "the workbook's cell formats", func(t xml.Token) {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				codes[attr(t, "numFmtId")] = attr(t, "formatCode")
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					b.percent[xf] = strings.Contains(codes[attr(t, "numFmtId")], "%")
					xf++
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	})
}

// unescapeXString undoes Excel's escape of characters XML cannot hold:
// _x000D_ is a carriage return, and _x005F_ an underscore (so a typed
// "_x000D_" is stored as "_x005F_x000D_").
func unescapeXString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil && utf8.ValidRune(rune(v)) {
				out.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		out.WriteByte(s[i])
		i++
	}
	return out.String()
}

// escapeXString keeps text that looks like Excel's escape as typed:
// "_x000D_" is written "_x005F_x000D_". excelize's stream writer does this
// itself; its SetCellValue does not.
func escapeXString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if _, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				out.WriteString("_x005F")
			}
		}
		out.WriteByte(s[i])
	}
	return out.String()
}

// sheetError is a refusal of the whole workbook at a place in a sheet.
func sheetError(sheet string, row int, column int, msg string, args ...any) error {
	if a1Sheets[sheet] && row > 0 {
		return refuse("%s: %s", cellRef(sheet, row, column-1), fmt.Sprintf(msg, args...))
	}
	where := sheet
	if row > 0 {
		where += fmt.Sprintf(", row %d", row)
	}
	if column > 0 {
		where += ", column " + columnName(column-1)
	}
	return refuse("%s: %s", where, fmt.Sprintf(msg, args...))
}

// rows reads the sheet's rows in order and hands each one with a value to
// use, with its number and its first ncols cells (blank ones ""). use
// returns false to read no more of the sheet. Any damage refuses the
// whole workbook, naming the sheet and row: a row that cannot be read is
// never skipped.
func (b *xlsxBook) rows(sheet string, ncols int, use func(row int, cells []cell) bool) error {
	part, ok := b.sheets[sheet]
	if !ok {
		return errMissing
	}
	return b.a.read(part, "the sheet "+sheet, func(r io.Reader) error {
		s := &sheetReader{b: b, sheet: sheet, ncols: ncols, use: use, d: newXMLReader(r)}
		return s.read()
	})
}

// sheetReader walks one sheet's XML.
type sheetReader struct {
	b       *xlsxBook
	sheet   string
	ncols   int
	use     func(int, []cell) bool
	d       *xmlReader
	inData  bool
	row     int // the row being read (0 before the first)
	col     int // the last cell's column (1 is A)
	cells   []cell
	inRow   bool
	filled  bool // the row has a value somewhere
	ours    bool // the row has a value in the first ncols columns
	counted int  // rows with a value
	stopped bool
	c       rawCell
}

// rawCell is a <c> element as read.
type rawCell struct {
	open            bool
	typ             string
	v, inline       strings.Builder
	hasV, hasInline bool
	formula         bool
	inV, inT        bool
	phonetic        int
	percent         bool
}

func (s *sheetReader) read() error {
	for {
		t, err := s.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var r *refusal
			if errors.As(err, &r) {
				return err
			}
			return sheetError(s.sheet, s.row, 0, "the sheet's XML is damaged (%v)", err)
		}
		if s.stopped {
			continue // read on to the end, so that damage further on is found
		}
		switch t := t.(type) {
		case xml.StartElement:
			err = s.start(t)
		case xml.EndElement:
			err = s.end(t.Name.Local)
		case xml.CharData:
			if s.c.inV {
				s.c.v.Write(t)
			} else if s.c.inT && s.c.phonetic == 0 {
				s.c.inline.Write(t)
			}
		}
		if err != nil {
			return err
		}
	}
}

func (s *sheetReader) start(e xml.StartElement) error {
	switch name := e.Name.Local; {
	case name == "sheetData":
		s.inData = true
	case !s.inData:
	case name == "row":
		return s.startRow(attr(e, "r"))
	case name == "c":
		if !s.inRow || s.c.open {
			return sheetError(s.sheet, s.row, 0, "a cell outside a row (the workbook is damaged)")
		}
		return s.startCell(attr(e, "r"), attr(e, "t"), attr(e, "s"))
	case !s.c.open:
	case name == "v":
		s.c.inV, s.c.hasV = true, true
	case name == "f":
		s.c.formula = true
	case name == "is":
		s.c.hasInline = true
	case name == "t":
		s.c.inT = true
	case name == "rPh":
		s.c.phonetic++
	}
	return nil
}

func (s *sheetReader) end(name string) error {
	switch {
	case name == "sheetData":
		s.inData = false
	case !s.inData:
	case name == "row":
		return s.endRow()
	case name == "c":
		return s.endCell()
	case name == "v":
		s.c.inV = false
	case name == "t":
		s.c.inT = false
	case name == "rPh":
		s.c.phonetic--
	}
	return nil
}

func (s *sheetReader) startRow(r string) error {
	n := s.row + 1
	if r != "" {
		v, err := strconv.Atoi(r)
		if err != nil || v < 1 || v > lastRow {
			return sheetError(s.sheet, s.row+1, 0, "the row number %s is not a row of a sheet (the workbook is damaged)", format.Quote(r))
		}
		n = v
	}
	if s.inRow {
		return sheetError(s.sheet, n, 0, "a row inside row %d (the workbook is damaged)", s.row)
	}
	if n <= s.row {
		return sheetError(s.sheet, n, 0, "the row comes after row %d (the workbook is damaged)", s.row)
	}
	s.row, s.col, s.filled, s.ours, s.inRow = n, 0, false, false, true
	s.cells = make([]cell, s.ncols)
	return nil
}

func (s *sheetReader) endRow() error {
	s.inRow = false
	if !s.filled {
		return nil
	}
	if s.counted++; s.counted > maxRows {
		return sheetError(s.sheet, s.row, 0, "the sheet has more than %d rows, more than a plan can hold", maxRows)
	}
	if s.ours && !s.use(s.row, s.cells) {
		s.stopped = true
	}
	return nil
}

func (s *sheetReader) startCell(ref, typ, style string) error {
	col := s.col + 1
	if ref != "" {
		c, r, ok := splitRef(ref)
		if !ok {
			return sheetError(s.sheet, s.row, 0, "the cell reference %s is not a cell of a sheet (the workbook is damaged)", format.Quote(ref))
		}
		if r != s.row {
			return sheetError(s.sheet, s.row, 0, "the cell %s is not in this row (the workbook is damaged)", format.Quote(ref))
		}
		col = c
	}
	if col <= s.col || col > lastColumn {
		return sheetError(s.sheet, s.row, 0, "the cell %s is out of order (the workbook is damaged)", format.Quote(ref))
	}
	s.col = col
	xf, _ := strconv.Atoi(style)
	s.c = rawCell{open: true, typ: typ, percent: s.b.percent[xf]}
	return nil
}

// splitRef reads a cell reference such as B7 or XFD1048576.
func splitRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && i < 4 && (ref[i] >= 'A' && ref[i] <= 'Z' || ref[i] >= 'a' && ref[i] <= 'z') {
		col = col*26 + int(ref[i]|0x20-'a') + 1
		i++
	}
	if i == 0 || col > lastColumn || i == len(ref) || ref[i] == '0' {
		return 0, 0, false
	}
	for _, ch := range ref[i:] {
		if ch < '0' || ch > '9' {
			return 0, 0, false
		}
		if row = row*10 + int(ch-'0'); row > lastRow {
			return 0, 0, false
		}
	}
	return col, row, true
}

// endCell turns the cell read into its value, refusing what PsyPlan
// cannot take as typed.
func (s *sheetReader) endCell() error {
	c := &s.c
	c.open = false
	if !c.hasV && !c.hasInline {
		if c.formula && s.col <= s.ncols {
			return sheetError(s.sheet, s.row, s.col, "the formula has no saved result: open the workbook in Excel or LibreOffice, save it, and import it again")
		}
		return nil // an empty cell, perhaps formatted
	}
	if s.col > maxColumns {
		return sheetError(s.sheet, s.row, s.col, "a value beyond the columns PsyPlan reads (up to %s): clear it", columnName(maxColumns-1))
	}
	v, err := s.value(c)
	if s.col > s.ncols { // a planner's note beside the table
		if err != nil && c.typ != "e" {
			return err
		}
		s.filled = s.filled || err == nil && strings.TrimSpace(v.text) != ""
		return nil
	}
	if err != nil {
		return err
	}
	if utf8.RuneCountInString(v.text) > maxCellChars {
		return sheetError(s.sheet, s.row, s.col, "the cell holds more than %d characters, more than Excel allows", maxCellChars)
	}
	s.cells[s.col-1] = v
	if strings.TrimSpace(v.text) != "" {
		s.filled, s.ours = true, true
	}
	return nil
}

func (s *sheetReader) value(c *rawCell) (cell, error) {
	v := c.v.String()
	switch c.typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.b.shared) {
			return cell{}, sheetError(s.sheet, s.row, s.col, "the cell points at shared text %s that the workbook does not have (the workbook is damaged)", format.Quote(v))
		}
		return cell{text: s.b.shared[i]}, nil
	case "inlineStr":
		return cell{text: unescapeXString(c.inline.String())}, nil
	case "str":
		return cell{text: unescapeXString(v)}, nil
	case "b":
		switch strings.TrimSpace(v) {
		case "1":
			return cell{text: "TRUE", kind: boolCell}, nil
		case "0":
			return cell{text: "FALSE", kind: boolCell}, nil
		}
		return cell{}, sheetError(s.sheet, s.row, s.col, "the cell holds %s, which is neither TRUE nor FALSE (the workbook is damaged)", format.Quote(v))
	case "e":
		return cell{}, sheetError(s.sheet, s.row, s.col, "the cell shows the error %s: correct it in Excel or LibreOffice", format.Quote(v))
	case "d":
		return cell{text: strings.TrimSpace(v), kind: dateCell}, nil
	case "", "n":
		return cell{text: strings.TrimSpace(v), kind: numberCell, percent: c.percent}, nil
	}
	return cell{}, sheetError(s.sheet, s.row, s.col, "the cell is of an unknown kind %s (the workbook is damaged)", format.Quote(c.typ))
}

func columnName(i int) string {
	name := ""
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name
}

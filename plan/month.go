package plan

import (
	"fmt"
	"strconv"
	"time"
)

// Month counts calendar months from January of year 0, so that month
// arithmetic (start + duration, horizon - baseline) is plain integer
// arithmetic. The zero value is not a month any plan uses.
type Month int

// Months outside these years are refused by the plan file.
const (
	MinYear = 1900
	MaxYear = 2200
)

// MonthOf returns the month for a year and a month number (1 to 12).
func MonthOf(year, month int) Month { return Month(year*12 + month - 1) }

// Year is the calendar year of m.
func (m Month) Year() int { return int(m) / 12 }

// MonthNumber is 1 for January to 12 for December.
func (m Month) MonthNumber() int { return int(m)%12 + 1 }

// String writes m as the plan file and data files do: YYYY-MM.
func (m Month) String() string {
	return fmt.Sprintf("%04d-%02d", m.Year(), m.MonthNumber())
}

var monthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Label writes m for people: "Mar 2020".
func (m Month) Label() string {
	return fmt.Sprintf("%s %d", monthNames[m.MonthNumber()-1], m.Year())
}

// FinancialYearStart is the year in which m's NHS financial year (April to
// March) begins: Mar 2024 belongs to 2023/24, Apr 2024 to 2024/25.
func (m Month) FinancialYearStart() int {
	if m.MonthNumber() >= 4 {
		return m.Year()
	}
	return m.Year() - 1
}

// FinancialYear writes m's NHS financial year as "2023/24".
func (m Month) FinancialYear() string { return FinancialYearLabel(m.FinancialYearStart()) }

// FinancialYearLabel writes the financial year starting in April of year y.
func FinancialYearLabel(y int) string { return fmt.Sprintf("%d/%02d", y, (y+1)%100) }

// ParseMonth reads exactly YYYY-MM with a year from 1900 to 2200.
func ParseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' || !allDigits(s[:4]) || !allDigits(s[5:]) {
		return 0, fmt.Errorf("%q is not a month written YYYY-MM", s)
	}
	y, _ := strconv.Atoi(s[:4])
	mo, _ := strconv.Atoi(s[5:])
	if mo < 1 || mo > 12 {
		return 0, fmt.Errorf("%q has no month %02d (01 to 12)", s, mo)
	}
	if y < MinYear || y > MaxYear {
		return 0, fmt.Errorf("%q has a year outside %d to %d", s, MinYear, MaxYear)
	}
	return MonthOf(y, mo), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MonthOfTime is the calendar month of t: MonthOfTime(time.Now()) is this month.
func MonthOfTime(t time.Time) Month { return MonthOf(t.Year(), int(t.Month())) }

// Add returns the month n months after m.
func (m Month) Add(n int) Month { return m + Month(n) }

// ParseFinancialYear reads an NHS financial year written "2024/25" (the
// second year is the first plus one, in its last two digits: "1999/00" is
// right) and returns the year it starts in.
func ParseFinancialYear(s string) (int, error) {
	if len(s) != 7 || s[4] != '/' || !allDigits(s[:4]) || !allDigits(s[5:]) {
		return 0, fmt.Errorf("%q is not a financial year written like 2024/25", s)
	}
	y, _ := strconv.Atoi(s[:4])
	next, _ := strconv.Atoi(s[5:])
	if next != (y+1)%100 {
		return 0, fmt.Errorf("%q is not a financial year: the year after %d is written %02d", s, y, (y+1)%100)
	}
	if y < MinYear-1 || y > MaxYear { // 1899/00 holds Jan 1900, 2200/01 Dec 2200
		return 0, fmt.Errorf("%q is outside %s to %s", s, FinancialYearLabel(MinYear-1), FinancialYearLabel(MaxYear))
	}
	return y, nil
}

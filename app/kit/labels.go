package kit

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
)

// ThisMonth is the month it is now: where "today" sits on a chart.
func ThisMonth() plan.Month { return plan.MonthOfTime(time.Now()) }

// FormatLabel is how an export dialog offers a format.
func FormatLabel(f exchange.Format) string { return f.Label + " (" + f.Ext + ")" }

// FormatChoice is a choice of the formats, by their labels, the first
// chosen, and what is chosen now.
func FormatChoice(formats []exchange.Format) (*widget.RadioGroup, func() exchange.Format) {
	labels := make([]string, len(formats))
	for i, f := range formats {
		labels[i] = FormatLabel(f)
	}
	what := widget.NewRadioGroup(labels, nil)
	what.SetSelected(labels[0])
	return what, func() exchange.Format {
		for i, l := range labels {
			if l == what.Selected {
				return formats[i]
			}
		}
		return formats[0]
	}
}

// FileName makes a plan's or roll-up's name safe as a file name, on
// Windows as well as Linux.
func FileName(name string) string {
	f := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, name)
	if len([]rune(f)) > 80 {
		f = string([]rune(f)[:80])
	}
	return strings.TrimSpace(f)
}

// ShowError shows a problem over win, in a box that scrolls: some
// messages list every problem of a file.
func ShowError(win fyne.Window, err error) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(msg)
	scroll.SetMinSize(fyne.NewSize(520, 160))
	dialog.ShowCustom("Problem", "OK", scroll, win)
}

#!/bin/sh
# wine-open.sh OUT NAME WAIT_TITLE WINDOWS_PATH: in the Wine chroot, under
# xvfb-run (scripts/check-windows.sh runs it), as a user's double click
# does: `wine start /wait WINDOWS_PATH` (a shortcut or a document: Windows'
# shell finds the program through the file type), then waits up to 90 s
# for a window whose title ends in WAIT_TITLE, or for the program to end.
# Writes OUT/NAME.titles (the title of every PsyPlan window, one a line),
# OUT/NAME.png (the screen, once such a window has been up 10 s),
# OUT/NAME.rc ("running", or start's exit code: the program's own, once it
# has ended) and OUT/NAME.err. Ends every Wine program it started.
out=$1 name=$2 want=$3 target=$4
rm -f "$out/$name".*
( wine start /wait "$target" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.exit" ) &
titles() {
  xwininfo -root -tree 2>/dev/null | sed -n 's/^ *0x[0-9a-f]* "\(.*PsyPlan\)": .*/\1/p' | sort -u
}
# start /wait returns at once for a shortcut (with exit 3) while the
# program it started goes on; for a document it returns the program's exit
# code when it ends. So the wait ends early only once start has returned
# and no PsyPlan has run for 10 s (ps shows the installed one as
# C:\Program Files\PsyPlan\PsyPlan.exe, and an ended one as [PsyPlan.exe]).
running() { ps -eo args= | grep -q '^C:.Program Files.PsyPlan.PsyPlan\.exe'; }
i=0 idle=0 seen=""
while [ $i -lt 90 ]; do
  if titles | grep -qF -- "$want"; then seen=yes; break; fi
  if [ -f "$out/$name.exit" ] && ! running; then
    idle=$((idle + 1)); [ $idle -lt 10 ] || break
  else
    idle=0
  fi
  sleep 1; i=$((i + 1))
done
if [ -n "$seen" ]; then
  sleep 10                       # let it draw the plan
  import -window root "$out/$name.png" 2>>"$out/$name.err"
fi
titles >"$out/$name.titles"
if running || [ ! -f "$out/$name.exit" ]; then echo running; else cat "$out/$name.exit"; fi >"$out/$name.rc"
wineserver -k; wineserver -w
wait 2>/dev/null
exit 0

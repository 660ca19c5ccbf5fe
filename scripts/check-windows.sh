#!/usr/bin/env bash
# make check-windows: the Windows build, from the dist zip, under Wine 10
# (a Debian 13 chroot, scripts/wine-env.sh), against the Linux build from
# the dist archive, on the same commands:
#   - the command line (psyplan-cli.exe): --version, help, list, restore-default,
#     project csv and json, export json, csv, svg and png of every chart,
#     import of the exported plan file and workbook, an error: standard
#     output, standard error and exit code byte for byte the same as Linux;
#     the xlsx compared member by member, the pdf by its text and its pages;
#   - the library: %APPDATA%\psyplan\library.db by default, paths with
#     spaces and non-ASCII letters, no -wal or -shm file left after a run;
#   - PsyPlan.exe is a GUI program and psyplan-cli.exe a console one, same
#     version;
#   - the window: PsyPlan.exe --screenshot draws every view (Mesa's software
#     OpenGL), the same views as Linux;
#   - the Linux archive's plan file type: after make user-install,
#     xdg-mime says *.psyplan is application/x-psyplan, opened by PsyPlan;
#   - the installer (dist's .msi), in a Wine prefix of its own: msiexec /i
#     /qn, the files in Program Files, the Start menu shortcut, the .psyplan
#     file type's registry keys; `wine start` on the shortcut and on a
#     .psyplan file (scripts/wine-open.sh: the window's title, a screen
#     shot); a higher version (scripts/msi.sh) upgrades it, leaving one
#     install; the older one then refuses; the uninstall removes it all and
#     leaves the user's library as it was.
# Prints each check and its time, ends with "N passed, N failed" and fails
# if any failed. Root only (chroot). Outputs stay in $CHECK_OUT.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/wine-env.sh

OUT=${CHECK_OUT:-/var/tmp/psyplan-check-windows}
version=$(sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml)
zip=dist/PsyPlan-$version-windows-amd64.zip
tarball=dist/PsyPlan-$version-linux-amd64.tar.xz
LOG=$OUT/check-windows.log
[ -f "$zip" ] && [ -f "$tarball" ] || { echo "no $zip or $tarball: run make dist" >&2; exit 2; }

passed=0 failed=0
T0=$(date +%s)
say() { echo "$*" | tee -a "$LOG"; }
ok() { passed=$((passed + 1)); say "  ok    $*"; }
bad() { failed=$((failed + 1)); say "  FAIL  $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
phase() { PHASE=$1; PHASE_T=$(date +%s); say "== $1"; }
phase_end() { say "   ($PHASE: $(( $(date +%s) - PHASE_T )) s)"; }

rm -rf "$OUT"; mkdir -p "$OUT"; : >"$LOG"
trap wine_umount EXIT

phase "Wine 10 chroot"
wine_ready "$LOG" | tee -a "$LOG" || exit 1
phase_end

# The programs, as a planner gets them.
W=/tmp/psyplan-check                 # in the chroot; Z:\tmp\psyplan-check for Windows
WW='Z:\tmp\psyplan-check'
rm -rf "$CH$W" "$CH/root/.wine/drive_c/users/root/AppData/Roaming/psyplan"
mkdir -p "$CH$W" "$OUT/linux-pkg"
unzip -q "$zip" -d "$CH$W"
tar -C "$OUT/linux-pkg" -xJf "$tarball"
LINUX=$(find "$OUT/linux-pkg" -path '*/bin/psyplan' -type f | head -1)
[ -x "$LINUX" ] || { echo "no bin/psyplan in $tarball" >&2; exit 1; }

# Each runner records NAME.out, NAME.err and NAME.rc in $res.
win() {
  local name=$1; shift
  in_ch sh -c 'cd /tmp/psyplan-check && exec wine psyplan-cli.exe "$@"' sh "$@" \
    >"$res/$name.out" 2>"$res/$name.err"
  echo $? >"$res/$name.rc"
}
lin() {
  local name=$1; shift
  ( cd "$OUT" && env -i HOME="$OUT/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$LINUX" "$@" ) \
    >"$res/$name.out" 2>"$res/$name.err"
  echo $? >"$res/$name.rc"
}

# suite RUNNER DIR SEP: the same commands, with paths as the program writes
# them. The library and the exports sit in folders whose names have spaces
# and non-ASCII letters.
CHARTS="growth professions profession-wte pipeline bridge posts cost"
suite() {
  local r=$1 d=$2 s=$3
  local db="$d${s}Plans – Ünïcode${s}library.db" o="$d${s}out files ñ${s}"
  $r version --version
  $r help help
  $r list list --db "$db"
  $r restore restore-default --db "$db"
  $r list2 list --db "$db"
  local plan; plan=$(head -1 "$res/list.out" | cut -f1 | tr -d '\r')
  $r project-csv project --db "$db" --format csv "$plan"
  $r project-json project --db "$db" --format json "$plan"
  for f in json csv xlsx pdf; do $r "export-$f" export --db "$db" --format $f --out "${o}plan.$f" "$plan"; done
  for c in $CHARTS; do
    $r "svg-$c" export --db "$db" --format svg --chart "$c" --out "${o}$c.svg" "$plan"
    $r "png-$c" export --db "$db" --format png --chart "$c" --width 960 --height 540 --out "${o}$c.png" "$plan"
  done
  $r import-json import --db "$db" "${o}plan.json"
  $r import-xlsx import --db "$db" "${o}plan.xlsx"
  $r list3 list --db "$db"
  $r bad project --db "$db" --format csv "no such plan"
}

phase "command line: Windows (psyplan-cli.exe under Wine) and Linux"
res=$OUT/win; mkdir -p "$res" "$CH$W/Plans – Ünïcode" "$CH$W/out files ñ"
t=$(date +%s); suite win "$WW" '\'; tw=$(( $(date +%s) - t ))
win list-default list          # the default library: %APPDATA%\psyplan\library.db
res=$OUT/linux; mkdir -p "$res" "$OUT/Plans – Ünïcode" "$OUT/out files ñ" "$OUT/home"
t=$(date +%s); suite lin "$OUT" / ; tl=$(( $(date +%s) - t ))
say "   $(ls "$OUT/win"/*.rc | wc -l) Windows runs in $tw s, $(ls "$OUT/linux"/*.rc | wc -l) Linux runs in $tl s"
# "Wrote FILE." names the file as each system writes a path; the rest of
# the line must be the same.
wrote() { sed -E 's#^Wrote (.*[/\\])?([^/\\]*)\.$#Wrote <folder>/\2.#' "$1"; }
for f in "$OUT"/linux/*.out "$OUT"/linux/*.err "$OUT"/linux/*.rc; do
  b=${f##*/} w=$OUT/win/${f##*/} what="($(wc -c <"$f") B, exit $(cat "${f%.*}.rc"))"
  if grep -q '^Wrote ' "$f"; then
    check "$b the same but for the folder in \"Wrote …\" $what" cmp -s <(wrote "$f") <(wrote "$w")
  else
    check "$b the same $what" cmp -s "$f" "$w"
  fi
done
for f in plan.json plan.csv $(for c in $CHARTS; do echo $c.svg $c.png; done); do
  check "$f the same ($(wc -c <"$OUT/out files ñ/$f") B)" cmp -s "$OUT/out files ñ/$f" "$CH$W/out files ñ/$f"
done
check "list without --db: 0 and the same plans" \
  cmp -s "$OUT/win/list-default.out" "$OUT/linux/list.out"
appdata="$CH/root/.wine/drive_c/users/root/AppData/Roaming/psyplan"
check "default library in %APPDATA%\\psyplan\\library.db" test -s "$appdata/library.db"
check "no -wal or -shm left beside the libraries (closed on exit)" \
  test -z "$(ls "$appdata" "$CH$W/Plans – Ünïcode" | grep -E -- '-(wal|shm)$')"
phase_end

phase "xlsx and pdf by content"
rm -rf "$CH/tmp/cmp"; mkdir -p "$CH/tmp/cmp/win" "$CH/tmp/cmp/linux"
cp "$CH$W/out files ñ/plan.xlsx" "$CH$W/out files ñ/plan.pdf" "$CH/tmp/cmp/win/"
cp "$OUT/out files ñ/plan.xlsx" "$OUT/out files ñ/plan.pdf" "$CH/tmp/cmp/linux/"
# A workbook is not the same bytes twice even on one system: excelize
# lists [Content_Types].xml in map order, and the Summary sheet says when
# it was exported. So its members are compared with those two put aside:
# the content types sorted, the export time replaced.
in_ch sh -c 'cd /tmp/cmp && for s in win linux; do
    unzip -q -o $s/plan.xlsx -d $s/xlsx && pdftotext $s/plan.pdf $s/plan.txt && pdftoppm -r 50 -png $s/plan.pdf $s/page
    f="$s/xlsx/[Content_Types].xml"; sed "s/></>\n</g" "$f" | sort >"$f.sorted" && rm "$f"
    sed -i -E "s/[0-9]{1,2} [A-Z][a-z]+ [0-9]{4} [0-9]{2}:[0-9]{2} by PsyPlan/<time> by PsyPlan/" $s/xlsx/xl/sharedStrings.xml
  done' >>"$LOG" 2>&1
check "plan.xlsx: every member the same ($(ls "$CH/tmp/cmp/linux/xlsx/xl/worksheets" 2>/dev/null | wc -l) sheets; content types in any order, export time aside)" \
  diff -rq "$CH/tmp/cmp/win/xlsx" "$CH/tmp/cmp/linux/xlsx"
check "plan.pdf: the same text ($(wc -l <"$CH/tmp/cmp/linux/plan.txt") lines)" \
  cmp -s "$CH/tmp/cmp/win/plan.txt" "$CH/tmp/cmp/linux/plan.txt"
pages=$(ls "$CH/tmp/cmp/linux"/page*.png 2>/dev/null | wc -l)
same=0; for p in "$CH"/tmp/cmp/linux/page*.png; do cmp -s "$p" "${p/\/linux\//\/win\/}" && same=$((same + 1)); done
check "plan.pdf: $same of $pages pages drawn the same" test "$pages" -gt 0 -a "$same" = "$pages"
phase_end

phase "the two Windows programs"
subsystem() { od -An -t u2 -j $(( $(od -An -t u4 -j 60 -N 4 "$1") + 92 )) -N 2 "$1" | tr -d ' '; }
check "PsyPlan.exe is a GUI program (no console window)" test "$(subsystem "$CH$W/PsyPlan.exe")" = 2
check "psyplan-cli.exe is a console program" test "$(subsystem "$CH$W/psyplan-cli.exe")" = 3
v=$(in_ch sh -c 'cd /tmp/psyplan-check && wine PsyPlan.exe --version' 2>/dev/null | tr -d '\r')
check "PsyPlan.exe --version: $v" test "$v" = "PsyPlan $version"
phase_end

phase "the window: --screenshot of every view"
rm -rf "$CH$W/shots" "$OUT/shots-linux"; mkdir -p "$CH$W/shots" "$CH$W/shots lib" "$OUT/shots-linux"
# A wineserver left from the command line (it lingers a few seconds) has
# no display: the window would fail with "Failed to create helper window".
in_ch wineserver -k >/dev/null 2>&1; in_ch wineserver -w >/dev/null 2>&1
t=$(date +%s)
in_ch sh -c 'cd /tmp/psyplan-check && exec timeout 900 xvfb-run -a -s "-screen 0 1920x1080x24" sh -c '\''
  wine PsyPlan.exe --db "Z:\\tmp\\psyplan-check\\shots lib\\library.db" --screenshot "Z:\\tmp\\psyplan-check\\shots"
  rc=$?; wineserver -k; exit $rc'\''' >"$OUT/screenshot-win.log" 2>&1
rc=$?
tw=$(( $(date +%s) - t )); t=$(date +%s)
timeout 900 xvfb-run -a -s "-screen 0 1920x1080x24" env LANG=C.UTF-8 "$LINUX" \
  --db "$OUT/shots-linux/library.db" --screenshot "$OUT/shots-linux" >"$OUT/screenshot-linux.log" 2>&1
rcl=$?
say "   Wine $tw s (exit $rc), Linux $(( $(date +%s) - t )) s (exit $rcl)"
wshots=$(cd "$CH$W/shots" && ls *.png 2>/dev/null); lshots=$(cd "$OUT/shots-linux" && ls *.png 2>/dev/null)
check "PsyPlan.exe --screenshot exits 0" test "$rc" = 0
check "every view drawn under Wine: $(echo "$wshots" | grep -c .) PNGs, the same views as Linux ($(echo "$lshots" | grep -c .))" \
  test -n "$lshots" -a "$wshots" = "$lshots"
small=$(find "$CH$W/shots" -name '*.png' -size -20k | wc -l)
check "no empty picture among them (none under 20 kB)" test -n "$wshots" -a "$small" = 0
check "no -wal or -shm left after the window closed" \
  test -z "$(ls "$CH$W/shots lib" | grep -E -- '-(wal|shm)$')"
same=0; for f in "$OUT"/shots-linux/*.png; do cmp -s "$f" "$CH$W/shots/${f##*/}" && same=$((same + 1)); done
say "   (for information: $same of $(echo "$lshots" | grep -c .) pictures are byte for byte the Linux ones)"
rm -rf "$OUT/shots-win"; cp -r "$CH$W/shots" "$OUT/shots-win"
grep -i "error" "$OUT/screenshot-win.log" | head -5 | sed 's/^/   stderr: /' | tee -a "$LOG"
phase_end

phase "the Linux archive: the plan file type (xdg-mime, as GNOME's file manager sees it)"
pkg=$(find "$OUT/linux-pkg" -mindepth 1 -maxdepth 1 -type d | head -1)
h=$OUT/linux-home
rm -rf "$h"; mkdir -p "$h"
# Only Debian's own file types beside the user's (none from /usr/local).
xdg() { env -i HOME="$h" PATH=/usr/bin:/bin XDG_CURRENT_DESKTOP=GNOME XDG_DATA_DIRS=/usr/share "$@"; }
cp "$OUT/out files ñ/plan.json" "$h/plan.psyplan"; cp "$h/plan.psyplan" "$h/old.psyplan.json"; cp "$h/plan.psyplan" "$h/other.json"
( cd "$pkg" && xdg make user-install ) >>"$LOG" 2>&1
check "make user-install: exit $?" test -x "$h/.local/bin/psyplan"
for f in plan.psyplan old.psyplan.json; do
  ty=$(cd "$h" && xdg xdg-mime query filetype "$f" 2>/dev/null)
  check "xdg-mime query filetype $f: $ty" test "$ty" = application/x-psyplan
done
ty=$(cd "$h" && xdg xdg-mime query filetype other.json 2>/dev/null)
check "xdg-mime query filetype other.json: $ty (other JSON files are left alone)" test "$ty" = application/json
def=$(xdg xdg-mime query default application/x-psyplan 2>/dev/null)
check "xdg-mime query default application/x-psyplan: $def" test "$def" = uk.nhs.psyplan.desktop
ex=$(sed -n 's/^Exec=//p' "$h/.local/share/applications/uk.nhs.psyplan.desktop")
check "its Exec: ${ex/#$h/\~}; MimeType=application/x-psyplan;" \
  test "$ex" = "$h/.local/bin/psyplan %f" -a "$(grep -c '^MimeType=application/x-psyplan;$' "$h/.local/share/applications/uk.nhs.psyplan.desktop")" = 1
( cd "$pkg" && xdg make user-uninstall ) >>"$LOG" 2>&1
ty=$(cd "$h" && xdg xdg-mime query filetype plan.psyplan 2>/dev/null); def=$(xdg xdg-mime query default application/x-psyplan 2>/dev/null)
check "make user-uninstall: plan.psyplan is $ty again, no program for application/x-psyplan" \
  test "$ty" != application/x-psyplan -a -z "$def" -a ! -e "$h/.local/bin/psyplan"
phase_end

phase "the installer: msiexec /qn, the file type, an upgrade, the uninstall"
# In a Wine prefix of its own, copied from the one above: a machine where
# a user already has a library (%APPDATA%\psyplan), which the installer
# must leave alone. Per-machine installs are what IT deploys.
P=/root/.wine-msi
M=$W/msi MW="$WW\\msi"                # the packages and logs, in the chroot
msi=PsyPlan-$version-windows-amd64.msi
in_ch wineserver -k >/dev/null 2>&1; in_ch wineserver -w >/dev/null 2>&1
rm -rf "$CH$P" "$CH$M" "$OUT/msi"; mkdir -p "$CH$M" "$OUT/msi"
cp -a "$CH/root/.wine" "$CH$P"
cp "dist/$msi" "$CH$M/"
# The same programs as a higher version, for the upgrade.
up=$(echo "$version" | awk -F. '{ print $1 "." $2 "." $3 + 1 }')
t=$(date +%s)
./scripts/msi.sh "$CH$W" "$up" "$CH$M/PsyPlan-$up-windows-amd64.msi" >>"$LOG" 2>&1
check "a second package, version $up, built ($(( $(date +%s) - t )) s)" test -s "$CH$M/PsyPlan-$up-windows-amd64.msi"
# Programs run as in a Windows session; winemenubuilder (Wine's copying of
# Start menu entries and file types to the Linux desktop) is off.
wm() { in_ch env WINEPREFIX=$P WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" "$@"; }
# regval KEY [NAME]: a registry value's data ((Default) without NAME).
regval() {
  if [ $# -eq 1 ]; then wm wine reg query "$1" /ve; else wm wine reg query "$1" /v "$2"; fi 2>/dev/null |
    tr -d '\r' | sed -n 's/^    .*    REG_[A-Z_]*    //p'
}
haskey() { wm wine reg query "$1" >/dev/null 2>&1; }
# Wine's Add or Remove Programs list (uninstaller --list writes it to
# standard error): one "{ProductCode}|||Name" a line.
arp() { wm wine uninstaller --list 2>&1 | tr -d '\r'; }
installed() { arp | grep -c '|||PsyPlan$'; }
# The Windows Installer's packed form of a GUID (its UpgradeCodes key).
packed() {
  local g; g=$(echo "$1" | tr -d '{}-')
  local r=$(echo "${g:0:8}" | rev)$(echo "${g:8:4}" | rev)$(echo "${g:12:4}" | rev) i
  for i in 16 18 20 22 24 26 28 30; do r+=${g:i+1:1}${g:i:1}; done
  echo "$r"
}
upgradecode=$(sed -n 's/.*UpgradeCode="\([0-9A-F-]*\)".*/\1/p' packaging/windows/PsyPlan.wxs)
products() { wm wine reg query "HKLM\\Software\\Classes\\Installer\\UpgradeCodes\\$(packed "$upgradecode")" 2>/dev/null |
  tr -d '\r' | grep -c 'REG_SZ'; }
pf="$CH$P/drive_c/Program Files/PsyPlan"
lib="$CH$P/drive_c/users/root/AppData/Roaming/psyplan"
libsum() { (cd "$lib" && sha256sum -- * 2>/dev/null); }
lib0=$(libsum)

t=$(date +%s)
wm wine msiexec /i "$MW\\$msi" /qn /l*v "$MW\\install.log" >/dev/null 2>&1
rc=$?
check "msiexec /i $msi /qn: exit $rc, $(( $(date +%s) - t )) s" test "$rc" = 0
files_installed() {
  [ "$(ls "$pf" | tr '\n' ' ')" = "LICENSE.txt PsyPlan.exe psyplan-cli.exe " ] || return 1
  for f in LICENSE.txt PsyPlan.exe psyplan-cli.exe; do cmp -s "$pf/$f" "$CH$W/$f" || return 1; done
}
check "C:\\Program Files\\PsyPlan: LICENSE.txt PsyPlan.exe psyplan-cli.exe, the zip's bytes" files_installed
check "the user's library untouched by the install" test "$(libsum)" = "$lib0"
v=$(wm wine 'C:\Program Files\PsyPlan\psyplan-cli.exe' --version 2>/dev/null | tr -d '\r')
check "C:\\Program Files\\PsyPlan\\psyplan-cli.exe --version: $v" test "$v" = "PsyPlan $version"
check "one PsyPlan in Add or Remove Programs, version $(regval "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$(arp | sed -n 's/|||PsyPlan$//p' | head -1)" DisplayVersion)" \
  test "$(installed)" = 1
# Windows puts a per-machine shortcut in the common Start menu
# (C:\ProgramData); Wine 10 resolves ProgramMenuFolder to the user's.
lnk=$(find "$CH$P/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs" \
  "$CH$P/drive_c/users/root/AppData/Roaming/Microsoft/Windows/Start Menu/Programs" -name PsyPlan.lnk 2>/dev/null | head -1)
lnkw=$(echo "${lnk#"$CH$P/drive_c"}" | sed 's#^#C:#; s#/#\\#g')
check "Start menu shortcut: $lnkw" test -n "$lnk"
# A .lnk names its target in ANSI, its icon in UTF-16.
icon=$(strings -a -el "$lnk" 2>/dev/null | grep -i '\.ico$' | sed 's/^.*\([A-Z]:\\\)/\1/' | head -1)
shortcut_ok() {
  strings -a "$lnk" | grep -qxF 'C:\Program Files\PsyPlan\PsyPlan.exe' && [ -n "$icon" ] &&
    [ -s "$CH$P/drive_c$(echo "${icon#C:}" | tr '\\' /)" ]
}
check "it runs C:\\Program Files\\PsyPlan\\PsyPlan.exe, with PsyPlan's icon ($icon)" shortcut_ok
exe='C:\Program Files\PsyPlan\PsyPlan.exe'
check ".psyplan is PsyPlan.Plan: $(regval 'HKCR\.psyplan')" test "$(regval 'HKCR\.psyplan')" = PsyPlan.Plan
check ".psyplan's content type: $(regval 'HKCR\.psyplan' 'Content Type')" test "$(regval 'HKCR\.psyplan' 'Content Type')" = application/x-psyplan
check "PsyPlan.Plan: $(regval 'HKCR\PsyPlan.Plan'), its icon $(regval 'HKCR\PsyPlan.Plan\DefaultIcon')" \
  test "$(regval 'HKCR\PsyPlan.Plan\DefaultIcon')" = "$exe,0"
cmd=$(regval 'HKCR\PsyPlan.Plan\shell\open\command')
check "Open runs: $cmd" test "$cmd" = "\"$exe\" \"%1\""
machine_type() {
  haskey 'HKLM\Software\Classes\.psyplan' && haskey 'HKLM\Software\Classes\PsyPlan.Plan\shell\open\command' &&
    ! haskey 'HKCU\Software\Classes\.psyplan'
}
check "the file type is the machine's (HKLM\\Software\\Classes), not one user's" machine_type
phase_end

phase "the installed PsyPlan: the Start menu shortcut and a double-clicked .psyplan"
# A plan sent by e-mail, saved in a folder whose name has spaces.
sed '0,/^  "name": ".*",$/s//  "name": "Plan sent by e-mail",/' "$OUT/out files ñ/plan.json" >"$CH$M/Plan sent by e-mail.psyplan"
cp scripts/wine-open.sh "$CH$M/wine-open.sh"
winopen() {   # NAME TITLE PATH: scripts/wine-open.sh under a virtual screen
  # (after the wineserver of the reg and msiexec runs, which has no display)
  wm wineserver -k >/dev/null 2>&1; wm wineserver -w >/dev/null 2>&1
  wm timeout 300 xvfb-run -a -s "-screen 0 1920x1080x24" sh "$M/wine-open.sh" "$M" "$@" >>"$LOG" 2>&1
  cp "$CH$M/$1".* "$OUT/msi/" 2>/dev/null
}
t=$(date +%s)
winopen shortcut "PsyPlan" "$lnkw"
check "wine start on the Start menu shortcut opens PsyPlan: \"$(head -1 "$OUT/msi/shortcut.titles")\" ($(( $(date +%s) - t )) s; screen in $OUT/msi/shortcut.png)" \
  test -s "$OUT/msi/shortcut.png"
t=$(date +%s)
winopen plan "Plan sent by e-mail" "$MW\\Plan sent by e-mail.psyplan"
# A plan the library does not hold yet is offered to add (the window's
# title asks, with the dialog on the screen); one it holds opens at once.
if grep -qxF "Plan sent by e-mail - PsyPlan" "$OUT/msi/plan.titles"; then
  ok "wine start \"Plan sent by e-mail.psyplan\" opens that plan in PsyPlan ($(( $(date +%s) - t )) s; screen in $OUT/msi/plan.png)"
elif grep -qxF 'Add "Plan sent by e-mail"? - PsyPlan' "$OUT/msi/plan.titles"; then
  ok "wine start \"Plan sent by e-mail.psyplan\" opens PsyPlan asking to add that plan to the library ($(( $(date +%s) - t )) s; screen in $OUT/msi/plan.png)"
else
  bad "wine start \"Plan sent by e-mail.psyplan\": PsyPlan windows \"$(tr '\n' ' ' <"$OUT/msi/plan.titles")\", exit $(cat "$OUT/msi/plan.rc")"
fi
phase_end

phase "upgrade to $up, then the uninstall"
lib1=$(libsum)
t=$(date +%s)
wm wine msiexec /i "$MW\\PsyPlan-$up-windows-amd64.msi" /qn /l*v "$MW\\upgrade.log" >/dev/null 2>&1
rc=$?
check "msiexec /i PsyPlan-$up-windows-amd64.msi /qn over $version: exit $rc, $(( $(date +%s) - t )) s" test "$rc" = 0
code=$(arp | sed -n 's/|||PsyPlan$//p')
check "one PsyPlan installed after the upgrade ($(installed) in Add or Remove Programs, $(products) under its UpgradeCode), version $(regval "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$code" DisplayVersion)" \
  test "$(installed)" = 1 -a "$(products)" = 1 -a "$(regval "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$code" DisplayVersion)" = "$up"
check "the programs and the file type still there after the upgrade" \
  test -f "$pf/PsyPlan.exe" -a "$(regval 'HKCR\PsyPlan.Plan\shell\open\command')" = "\"$exe\" \"%1\""
wm wine msiexec /i "$MW\\$msi" /qn /l*v "$MW\\downgrade.log" >/dev/null 2>&1
rc=$?
why=""; [ "$rc" = 67 ] && why=": 1603, a failed install, in 8 bits"
check "the older $msi refuses to install over $up (exit $rc$why), $up stays" \
  test "$rc" != 0 -a "$(installed)" = 1 -a "$(regval "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$code" DisplayVersion)" = "$up"
un=$(regval "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$code" UninstallString)
t=$(date +%s)
wm wine msiexec /x "$code" /qn /l*v "$MW\\uninstall.log" >/dev/null 2>&1
rc=$?
check "uninstall (UninstallString \"$un\", with /qn): exit $rc, $(( $(date +%s) - t )) s" test "$rc" = 0
check "C:\\Program Files\\PsyPlan is gone" test ! -e "$pf"
check "the Start menu shortcut is gone" test ! -e "$lnk"
type_gone() { ! haskey 'HKCR\.psyplan' && ! haskey 'HKCR\PsyPlan.Plan'; }
check "the file type is gone (.psyplan, PsyPlan.Plan)" type_gone
check "nothing of PsyPlan in Add or Remove Programs" test "$(installed)" = 0 -a "$(products)" = 0
check "the user's library untouched by upgrade and uninstall ($(echo "$lib1" | grep -c .) files in %APPDATA%\\psyplan, the same bytes)" \
  test -n "$lib1" -a "$(libsum)" = "$lib1"
phase_end

say "check-windows: $(( $(date +%s) - T0 )) s in all; outputs in $OUT"
say "check-windows: $passed passed, $failed failed"
[ "$failed" = 0 ]

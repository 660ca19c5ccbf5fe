#!/usr/bin/env bash
# pe-subsystem.sh EXE gui|console: sets the Subsystem field of a Windows
# program's PE header (what `editbin /subsystem:` does). Windows opens a
# console for a console program and waits for it in Command Prompt; it
# does neither for a GUI one. Go writes no PE checksum, so none is fixed.
set -euo pipefail
exe=$1
case "$2" in gui) v=2 ;; console) v=3 ;; *) echo "usage: $0 EXE gui|console" >&2; exit 2 ;; esac
le() { od -An -t u"$2" -j "$1" -N "$2" "$exe" | tr -d ' '; }   # offset, size
[ "$(head -c 2 "$exe")" = MZ ] || { echo "$exe: not a Windows program" >&2; exit 1; }
pe=$(le 60 4)                                     # e_lfanew: where "PE\0\0" is
[ "$(dd if="$exe" bs=1 skip="$pe" count=2 status=none)" = PE ] || { echo "$exe: no PE header" >&2; exit 1; }
opt=$((pe + 24))                                  # the optional header
case "$(le "$opt" 2)" in 267|523) ;; *) echo "$exe: unknown optional header" >&2; exit 1 ;; esac
printf "\\x$(printf %02x "$v")\\x00" | dd of="$exe" bs=1 seek=$((opt + 68)) conv=notrunc status=none
[ "$(le $((opt + 68)) 2)" = "$v" ] || { echo "$exe: Subsystem not written" >&2; exit 1; }

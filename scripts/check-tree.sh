#!/usr/bin/env bash
# Fails if the repository tracks a built file: anything over 1 MB, or a
# program (ELF, PE, Mach-O, or an ar/object file), such as a left-over
# `go test -c` binary. Sources, images and documents pass.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=$((1024 * 1024))
bad=0
while IFS= read -r -d '' f; do
  [ -f "$f" ] || continue                  # deleted in the work tree
  size=$(stat -c %s -- "$f")
  if [ "$size" -gt "$limit" ]; then
    echo "check-tree: $f is $size bytes, over 1 MB: keep built or large files out of git" >&2; bad=1
  fi
  magic=$(head -c 4 -- "$f" | od -An -t x1 | tr -d ' \n')
  case "$magic" in
    7f454c46*|4d5a*|feedface|feedfacf|cefaedfe|cffaedfe|cafebabe|213c6172*)
      echo "check-tree: $f is a program or object file ($(file -b -- "$f" 2>/dev/null | cut -c1-60)): it must not be committed" >&2; bad=1 ;;
  esac
done < <(git ls-files -z)
[ "$bad" = 0 ] && echo "check-tree: $(git ls-files | wc -l) tracked files, none built, none over 1 MB"
exit "$bad"

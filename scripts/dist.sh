#!/usr/bin/env bash
# make dist: the Windows zip and the Linux archive, built the same way
# every time so that two builds of one commit give the same bytes.
#
#   dist/PsyPlan-VERSION-windows-amd64.zip   PsyPlan.exe (the window; no
#       console opens on a double click), psyplan-cli.exe (the command line
#       for Command Prompt and PowerShell), LICENSE
#   dist/PsyPlan-VERSION-windows-amd64.msi   the same two programs as a
#       Windows Installer package for IT to deploy (msiexec /i … /qn):
#       Program Files, a Start menu shortcut, the .psyplan file type
#       (scripts/msi.sh, packaging/windows/PsyPlan.wxs)
#   dist/PsyPlan-VERSION-linux-amd64.tar.xz  what `fyne package` makes: the
#       binary, a .desktop menu entry and the icon; with the plan file type
#       (application/x-psyplan) and our install Makefile (packaging/linux)
#   dist/SHA256SUMS
#
# Both are built by the fyne tool at a pinned version, from a copy of the
# checkout's files (a build never writes into the work tree, which other
# builds may be reading), with -trimpath, no VCS stamp and SOURCE_DATE_EPOCH
# (the last commit's time) for every date in the archives.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

FYNE_TOOL=fyne.io/tools/cmd/fyne@v1.7.4
version=$(sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml)
[ -n "$version" ] || { echo "dist: no Version in FyneApp.toml" >&2; exit 1; }
# DIST_REF=COMMIT builds that commit exactly (as a clean clone would);
# by default the checkout's files as they are.
ref=${DIST_REF:-}
if [ -n "$ref" ]; then ref=$(git rev-parse --verify "$ref^{commit}"); fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct ${ref:-HEAD} 2>/dev/null || echo 315532800)}
export TZ=UTC LC_ALL=C GOFLAGS="-buildvcs=false -mod=readonly"
out=${DIST_DIR:-$root/dist}
mkdir -p "$out"

work=$(mktemp -d "${TMPDIR:-/tmp}/psyplan-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The fyne tool, built for this machine (not for the GOOS it packages for).
t=$(date +%s)
env -u GOOS -u GOARCH -u CC -u CXX GOBIN="$work/bin" go install "$FYNE_TOOL"
fyne=$work/bin/fyne

# The source, in a folder named psyplan so the Linux binary is called that:
# the commit, or the checkout's files as they are (tracked, and new ones not
# ignored).
src=$work/psyplan
mkdir -p "$src"
if [ -n "$ref" ]; then
  git archive --format=tar "$ref" | tar -C "$src" -xf -
else
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -C "$src" -xf -
fi
echo "dist: fyne tool and source copy: $(( $(date +%s) - t )) s"

# A file's date and owner must not depend on when or by whom it was built.
stamp() { find "$@" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; }

windows() {
  local t=$(date +%s) stage=$work/win
  ( cd "$src" && CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOOS=windows GOARCH=amd64 \
      "$fyne" package -os windows --release --name PsyPlan.exe )
  mkdir -p "$stage"
  mv "$src/PsyPlan.exe" "$stage/PsyPlan.exe"
  # psyplan-cli.exe is the same program marked as a console program, so
  # Command Prompt and PowerShell wait for it, show its output and see its
  # exit code. Only the PE header's Subsystem field differs (2 -> 3).
  cp "$stage/PsyPlan.exe" "$stage/psyplan-cli.exe"
  "$root/scripts/pe-subsystem.sh" "$stage/psyplan-cli.exe" console
  cp "$src/LICENSE" "$stage/LICENSE.txt"
  stamp "$stage"
  local zip=$out/PsyPlan-$version-windows-amd64.zip
  rm -f "$zip"
  # -X: no Unix owner or extra time fields; -D: no folder entries; the
  # names in a fixed order.
  ( cd "$stage" && zip -q -X -D -9 "$zip" PsyPlan.exe psyplan-cli.exe LICENSE.txt )
  echo "dist: $(basename "$zip"): $(( $(date +%s) - t )) s"
  t=$(date +%s)
  "$src/scripts/msi.sh" "$stage" "$version" "$out/PsyPlan-$version-windows-amd64.msi"
  echo "dist: PsyPlan-$version-windows-amd64.msi: $(( $(date +%s) - t )) s"
}

linux() {
  local t=$(date +%s) stage=$work/linux name=PsyPlan-$version-linux-amd64
  ( cd "$src" && env -u GOOS -u CC "$fyne" package -os linux --release )
  mkdir -p "$stage/$name"
  tar -C "$stage/$name" -xJf "$src/PsyPlan.tar.xz" --strip-components=1
  cp "$src/LICENSE" "$stage/$name/LICENSE"
  # The plan file type (packaging/linux): the menu entry opens a file of
  # type application/x-psyplan, the type comes with the archive, and the
  # archive's Makefile installs both and refreshes the desktop's databases.
  local d=$stage/$name desktop
  desktop=$(echo "$d"/usr/local/share/applications/*.desktop)
  [ -f "$desktop" ] && grep -qx 'Exec=psyplan' "$desktop" ||
    { echo "dist: no menu entry with Exec=psyplan in fyne's archive" >&2; exit 1; }
  sed -i -e 's/^Exec=psyplan$/Exec=psyplan %f/' -e '/^Exec=/a MimeType=application/x-psyplan;' "$desktop"
  install -Dm0644 "$src/packaging/linux/psyplan-mime.xml" "$d/usr/local/share/mime/packages/psyplan.xml"
  install -m0644 "$src/packaging/linux/Makefile" "$d/Makefile"
  stamp "$stage"
  local tarball=$out/$name.tar.xz
  # Sorted names, one date, owner root, and single-threaded xz: the same
  # bytes each time.
  tar -C "$stage" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --mode='u+rw,go-w,a+rX' --format=gnu -cf - "$name" | xz -T1 -6 >"$tarball"
  echo "dist: $(basename "$tarball"): $(( $(date +%s) - t )) s"
}

case "${1:-all}" in
  windows) windows ;;
  linux) linux ;;
  all) windows; linux ;;
  *) echo "usage: $0 [windows|linux|all]" >&2; exit 2 ;;
esac
( cd "$out" && sha256sum -- PsyPlan-"$version"-*.zip PsyPlan-"$version"-*.msi PsyPlan-"$version"-*.tar.xz 2>/dev/null >SHA256SUMS || true )
ls -l "$out"

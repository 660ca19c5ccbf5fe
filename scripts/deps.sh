#!/usr/bin/env bash
# Installs what PsyPlan needs to build, test and run on Debian or Ubuntu,
# and only what is missing: a C compiler and the OpenGL and X11 headers for
# Fyne and SQLite (cgo), and Xvfb to run the window without a screen.
set -euo pipefail

# `deps.sh dist` adds the Windows cross-compiler, the archivers and wixl
# (msitools: the .msi) for make dist; `deps.sh check-windows` adds
# debootstrap for the Wine chroot and xdg-utils (the Linux file type).
need=(gcc pkg-config libgl1-mesa-dev xorg-dev xvfb xauth libgl1-mesa-dri)
case "${1:-}" in
  dist) need+=(gcc-mingw-w64-x86-64 zip unzip xz-utils msitools wixl) ;;
  check-windows) need+=(gcc-mingw-w64-x86-64 zip unzip xz-utils msitools wixl debootstrap
    xdg-utils shared-mime-info desktop-file-utils libglib2.0-bin) ;;
esac
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "PsyPlan needs these packages (or your system's equivalents): ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Install as root: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"

#!/usr/bin/env bash
# Wine 10 for `make check-windows`: a Debian 13 (trixie) chroot on this
# Debian 12 machine, made once with debootstrap and kept (Debian 12's own
# Wine 8 cannot start programs built by Go 1.22 or later). Sourced by
# scripts/check-windows.sh; `scripts/wine-env.sh make` only makes it.
#
# Env: WINE_CHROOT (default /var/tmp/psyplan-wine/trixie), MIRROR (default:
# the first non-security URI of the host's apt sources). Root only.
# Never rm -rf the chroot while it is mounted: its dev is a bind mount of /dev.

CH=${WINE_CHROOT:-/var/tmp/psyplan-wine/trixie}
CH_PKGS="wine wine64 libgl1 libegl1 libgl1-mesa-dri libglx-mesa0 libxcursor1 libxi6 libxrandr2
  libxrender1 libxinerama1 libxfixes3 libxcomposite1 libxxf86vm1 libdbus-1-3 fonts-wine
  fonts-dejavu-core libgnutls30t64 xvfb xauth procps unzip poppler-utils x11-utils imagemagick"

# in_ch CMD...: run CMD in the chroot with a clean environment. LANG=C as a
# bare Windows account would have it (PsyPlan must set its own language).
in_ch() {
  mkdir -p -m 700 "$CH/tmp/xdg-root" 2>/dev/null
  chroot "$CH" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin XDG_RUNTIME_DIR=/tmp/xdg-root \
    LANG=C.UTF-8 WINEDEBUG=${WINEDEBUG:--all} WINEDLLOVERRIDES="mscoree,mshtml=" "$@"
}

wine_umount() {
  if [ -x "$CH/usr/bin/wineserver" ] && mountpoint -q "$CH/proc"; then
    in_ch wineserver -k >/dev/null 2>&1; in_ch wineserver -w >/dev/null 2>&1
  fi
  for m in dev/pts dev sys proc; do
    mountpoint -q "$CH/$m" && { umount "$CH/$m" 2>/dev/null || umount -l "$CH/$m"; }
  done
  return 0
}

# wine_ready LOG: make (first time) and mount the chroot, with a 64-bit prefix.
wine_ready() {
  local log=$1 mirror=${MIRROR:-} t
  [ "$(id -u)" -eq 0 ] || { echo "check-windows needs root (chroot, mount)" >&2; return 1; }
  if [ -z "$mirror" ]; then
    mirror=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1)
    [ -n "$mirror" ] || mirror=$(grep -hE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      grep -v security | awk '{print $2}' | head -1)
  fi
  if [ ! -x "$CH/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null ||
      { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap; } >>"$log" 2>&1
    t=$(date +%s)
    mkdir -p "$(dirname "$CH")"
    debootstrap --variant=minbase trixie "$CH" "$mirror" >>"$log" 2>&1 ||
      { echo "debootstrap failed (see $log)" >&2; return 1; }
    echo "debootstrap trixie: $(( $(date +%s) - t )) s"
  fi
  cp /etc/resolv.conf "$CH/etc/resolv.conf"
  mountpoint -q "$CH/proc"    || mount -t proc proc "$CH/proc"
  mountpoint -q "$CH/sys"     || mount -t sysfs sys "$CH/sys"
  mountpoint -q "$CH/dev"     || mount --bind /dev "$CH/dev"
  mountpoint -q "$CH/dev/pts" || mount --bind /dev/pts "$CH/dev/pts"
  if ! in_ch sh -c 'command -v wine && command -v xvfb-run && command -v pdftotext && command -v unzip && command -v xwininfo && command -v import && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' >/dev/null 2>&1; then
    t=$(date +%s)
    { in_ch apt-get update -q && in_ch env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends $CH_PKGS; } >>"$log" 2>&1 ||
      { echo "apt-get in the chroot failed (see $log)" >&2; return 1; }
    echo "Wine and Mesa in the chroot: $(( $(date +%s) - t )) s"
  fi
  if [ ! -f "$CH/root/.wine/system.reg" ]; then
    t=$(date +%s)
    in_ch wineboot -i >>"$log" 2>&1; in_ch wineserver -w
    echo "wineboot (64-bit prefix): $(( $(date +%s) - t )) s"
  fi
  # Windows has symbol fonts (Segoe UI Symbol) that draw ✓ and friends; an
  # empty Wine Fonts folder has none, so DejaVu Sans stands in for them.
  cp -u "$CH/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" "$CH/root/.wine/drive_c/windows/Fonts/"
  echo "$(in_ch wine --version 2>/dev/null) in Debian $(cat "$CH/etc/debian_version"), Mesa $(in_ch dpkg-query -W -f='${Version}' libgl1-mesa-dri)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  case "${1:-}" in
    make) trap wine_umount EXIT; wine_ready /var/tmp/psyplan-wine-make.log ;;
    umount) wine_umount ;;
    *) echo "usage: $0 make|umount" >&2; exit 2 ;;
  esac
fi

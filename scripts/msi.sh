#!/usr/bin/env bash
# scripts/msi.sh DIR VERSION OUT.msi: the Windows Installer package of the
# programs in DIR (PsyPlan.exe, psyplan-cli.exe, LICENSE.txt), from
# packaging/windows/PsyPlan.wxs, with wixl (Debian's msitools). Called by
# scripts/dist.sh; scripts/check-windows.sh calls it again with a higher
# VERSION to check that one version upgrades another.
#
# The same files, VERSION and SOURCE_DATE_EPOCH give the same bytes. wixl
# (0.101) alone does not: it writes the build's wall-clock time (twice) and
# a random package code into the package's SummaryInformation, and nothing
# else that differs (two builds a second apart differ in those bytes only). So:
#   - the ProductCode is made from the UpgradeCode and VERSION (a newer
#     version is a new product, as MajorUpgrade needs; the same version is
#     the same product);
#   - both times are set to SOURCE_DATE_EPOCH, and the package code to a
#     GUID made from the SHA-256 of the package itself (with the code
#     zeroed): a package with other bytes gets another code, as Windows
#     Installer requires, and the same package the same code;
#   - the cabinet's file dates are SOURCE_DATE_EPOCH (the files are stamped),
#     component GUIDs are wixl's name-based ones (Guid="*").
# The summary is patched in place (same lengths), then read back with
# msiinfo: if it does not say exactly what was written, no MSI is made.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 DIR VERSION OUT.msi" >&2; exit 2; }
dir=$(cd "$1" && pwd) version=$2 out=$3
case $out in /*) ;; *) out=$PWD/$out ;; esac
cd "$(dirname "$0")/.."
root=$PWD
[[ $version =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,5}$ ]] ||
  { echo "msi: version $version is not MAJOR.MINOR.BUILD (Windows Installer's form)" >&2; exit 2; }
for t in wixl msiinfo perl sha1sum sha256sum; do
  command -v $t >/dev/null || { echo "msi: no $t (apt-get install msitools)" >&2; exit 1; }
done
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}
export TZ=UTC LC_ALL=C

wxs=$root/packaging/windows/PsyPlan.wxs
upgrade=$(sed -n 's/.*UpgradeCode="\([0-9A-F-]*\)".*/\1/p' "$wxs")
[ -n "$upgrade" ] || { echo "msi: no UpgradeCode in $wxs" >&2; exit 1; }

# guid TEXT: a name-based GUID (the SHA-1 of TEXT, marked version 5).
guid() {
  local h; h=$(printf '%s' "$1" | sha1sum | cut -c1-32 | tr a-f A-F)
  local v=$(( (16#${h:16:1} & 3) | 8 ))
  printf '%s-%s-5%s-%X%s-%s\n' "${h:0:8}" "${h:8:4}" "${h:13:3}" "$v" "${h:17:3}" "${h:20:12}"
}
product=$(guid "PsyPlan ProductCode $upgrade $version")

work=$(mktemp -d "${TMPDIR:-/tmp}/psyplan-msi.XXXXXX")
trap 'rm -rf "$work"' EXIT
for f in PsyPlan.exe psyplan-cli.exe LICENSE.txt; do
  [ -f "$dir/$f" ] || { echo "msi: no $dir/$f" >&2; exit 1; }
  cp "$dir/$f" "$work/$f"
done
env -u GOOS -u GOARCH -u CC -u CXX go run "$root/scripts/ico.go" "$root/assets/icon.png" "$work/PsyPlan.ico"
find "$work" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

t0=$(date +%s)
# wixl says "builder.vala: unimplemented" for a non-advertised shortcut,
# which it nevertheless writes as asked: that line is dropped.
( cd "$work" && wixl -a x64 -D Version="$version" -D ProductCode="$product" -o raw.msi "$wxs" ) 2>&1 |
  { grep -v 'builder.vala:[0-9]*: unimplemented' || true; } >&2
t1=$(date +%s)
[ -s "$work/raw.msi" ] || { echo "msi: wixl made no package" >&2; exit 1; }

suminfo() { msiinfo suminfo "$1" 2>/dev/null; }
random=$(suminfo "$work/raw.msi" | sed -n 's/^Revision number (UUID): \({[0-9A-F-]*}\)$/\1/p')
[ ${#random} -eq 38 ] || { echo "msi: no package code in wixl's summary" >&2; exit 1; }
zero='{00000000-0000-0000-0000-000000000000}'

# patch FILE FROM TO [T0 T1 EPOCH]: the package code FROM to TO and, with
# T0, the summary's two times (FILETIME properties between T0 and T1) to
# EPOCH; each must be found exactly as often as wixl writes it.
patch() {
  perl -e '
    my ($file, $from, $to, $t0, $t1, $epoch) = @ARGV;
    open my $fh, "<:raw", $file or die "$file: $!\n"; local $/; my $b = <$fh>; close $fh;
    my $ft = sub { my $n = ($_[0] + 11644473600) * 10000000;   # 100 ns since 1601
                   pack "V2", $n % 4294967296, int($n / 4294967296) };
    if (defined $t0) {
      my $times = 0;
      for my $t ($t0 .. $t1) {                 # VT_FILETIME (64), then the time
        my $old = pack("V", 64) . $ft->($t);
        $times += ($b =~ s/\Q$old\E/pack("V", 64) . $ft->($epoch)/ge);
      }
      die "msi: found the build time $times times in the package, not 2\n" unless $times == 2;
    }
    my $codes = ($b =~ s/\Q$from\E/$to/g);
    die "msi: found the package code $codes times in the package, not once\n" unless $codes == 1;
    open $fh, ">:raw", $file or die "$file: $!\n"; print $fh $b; close $fh or die "$file: $!\n";
  ' "$@"
}
patch "$work/raw.msi" "$random" "$zero" "$t0" "$t1" "$SOURCE_DATE_EPOCH"
code="{$(guid "PsyPlan PackageCode $(sha256sum <"$work/raw.msi" | cut -c1-64)")}"
patch "$work/raw.msi" "$zero" "$code"

# Read back: the summary says what was written, and the tables are all there.
when=$(date -u -d "@$SOURCE_DATE_EPOCH" '+%a %b %e %H:%M:%S %Y')
s=$(suminfo "$work/raw.msi")
for want in "Revision number (UUID): $code" "Created: $when" "Last saved: $when" "Template: x64;1033"; do
  grep -qxF "$want" <<<"$s" || { echo "msi: the summary does not say \"$want\":" >&2; echo "$s" >&2; exit 1; }
done
got=$(msiinfo export "$work/raw.msi" Property 2>/dev/null | tr -d '\r' | sed -n 's/^ProductVersion\t//p')
[ "$got" = "$version" ] || { echo "msi: ProductVersion is \"$got\", not $version" >&2; exit 1; }
mv "$work/raw.msi" "$out"
touch -d "@$SOURCE_DATE_EPOCH" "$out"
echo "msi: $(basename "$out"): version $version, ProductCode {$product}, package code $code"

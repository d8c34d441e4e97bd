#!/usr/bin/env bash
# Check a .deb built by build-deb.sh:
#  1. install it with `dpkg -i` into an empty root (its own dpkg database; dependencies are the
#     host's business, so --force-depends), check the files and validate the .desktop file;
#  2. with --system (root, a throwaway machine such as CI): install it for real, run the
#     /usr/bin/r1desk launcher with --version and --smoke-test (offscreen), then purge it.
#
#     packaging/linux/check-deb.sh dist/r1desk_0.1.0_amd64.deb [--system]
set -euo pipefail
deb="$(realpath "$1")"
system="${2:-}"
app_id="io.github.r1desk.R1desk"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --log=/dev/null --force-depends --force-script-chrootless -i "$deb" >/dev/null
dpkg --root="$root" -s r1desk | grep '^Status: install ok installed$' >/dev/null  # not -q: no SIGPIPE

for path in opt/r1desk/r1desk usr/bin/r1desk "usr/share/applications/$app_id.desktop" \
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
  [ -e "$root/$path" ] || { echo "missing in the installed package: /$path" >&2; exit 1; }
done
for size in 16 32 48 64 128 256 512; do
  [ -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" ] ||
    { echo "missing icon ${size}x${size}" >&2; exit 1; }
done
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
grep -q "^Exec=r1desk" "$root/usr/share/applications/$app_id.desktop"
"$root/opt/r1desk/r1desk" --version
echo "clean root: installed, files present, desktop file valid"

if [ "$system" = "--system" ]; then
  dpkg -i "$deb" >/dev/null || { apt-get install -f -y -qq >/dev/null && dpkg -i "$deb" >/dev/null; }
  /usr/bin/r1desk --version
  data="$(mktemp -d)"
  QT_QPA_PLATFORM=offscreen /usr/bin/r1desk --smoke-test --data-dir "$data"
  rm -rf "$data"
  dpkg --purge r1desk >/dev/null
  [ ! -e /opt/r1desk ] || { echo "/opt/r1desk left behind after purge" >&2; exit 1; }
  echo "system: installed, launcher --version and --smoke-test passed, purged"
fi

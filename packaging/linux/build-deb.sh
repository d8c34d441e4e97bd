#!/usr/bin/env bash
# Build a .deb from the frozen one-folder app (run `pyinstaller packaging/r1desk.spec` first).
#
#     packaging/linux/build-deb.sh [FROZEN_DIR [OUT_DIR]]      # defaults: dist/r1desk dist
#
# Installs /opt/r1desk (the frozen app), /usr/bin/r1desk (launcher), the .desktop file and the
# hicolor icons. Needs dpkg-deb only; prints the path of the .deb it wrote.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
frozen="$(realpath "${1:-$root/dist/r1desk}")"
out="$(realpath -m "${2:-$root/dist}")"
app_id="io.github.r1desk.R1desk"

[ -x "$frozen/r1desk" ] || { echo "no frozen app at $frozen (build it with PyInstaller)" >&2; exit 1; }
version="$("$frozen/r1desk" --version | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
glibc="$(ldd --version | awk 'NR == 1 {print $NF}')"  # awk reads it all: no SIGPIPE

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/r1desk_${version}_${arch}"

mkdir -p "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/usr/share/doc/r1desk" \
  "$pkg/DEBIAN"
cp -a "$frozen" "$pkg/opt/r1desk"
cat >"$pkg/usr/bin/r1desk" <<'SH'
#!/bin/sh
exec /opt/r1desk/r1desk "$@"
SH
chmod 0755 "$pkg/usr/bin/r1desk"
install -m 0644 "$root/resources/$app_id.desktop" "$pkg/usr/share/applications/$app_id.desktop"
for size in 16 32 48 64 128 256 512; do
  install -D -m 0644 "$root/resources/icons/r1desk-$size.png" \
    "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -D -m 0644 "$root/resources/icons/r1desk.svg" \
  "$pkg/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
cat >"$pkg/usr/share/doc/r1desk/copyright" <<'TXT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: r1desk

Files: *
Copyright: r1desk developers
License: MIT
Comment: /opt/r1desk bundles Python, Qt 6 and PySide6 (LGPL-3.0) and the Python packages
 listed in the project's pyproject.toml, under their own licenses.
TXT

installed_kib="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
cat >"$pkg/DEBIAN/control" <<CONTROL
Package: r1desk
Version: $version
Architecture: $arch
Maintainer: r1desk developers <r1desk@users.noreply.github.com>
Installed-Size: $installed_kib
Depends: libc6 (>= $glibc), libgl1, libegl1, libxcb1, libdrm2, libwayland-client0, libwayland-cursor0, libwayland-egl1
Recommends: gnome-keyring | kwalletmanager | keepassxc
Section: net
Priority: optional
Homepage: https://github.com/r1desk/r1desk
Description: fast native desktop chat client for DeepSeek-R1
 r1desk talks to DeepSeek-R1 through Segmind's API or an OpenAI-compatible
 server. Qt 6 widgets, no browser engine; the API key stays in the system
 keyring and conversations in a local SQLite file.
CONTROL

mkdir -p "$out"
deb="$out/r1desk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$deb"

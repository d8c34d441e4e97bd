#!/usr/bin/env bash
# Wrap the frozen dist/r1desk.app (from `pyinstaller packaging/r1desk.spec` on macOS) in a .dmg
# with an /Applications link, using hdiutil. Prints the path of the .dmg.
#
#     packaging/macos/build-dmg.sh [APP [OUT_DIR]]      # defaults: dist/r1desk.app dist
#
# Unsigned: sign and notarise the .app first (codesign --deep, xcrun notarytool) for a release
# that Gatekeeper opens without a right-click -> Open.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
app="${1:-$root/dist/r1desk.app}"
out="${2:-$root/dist}"

[ -x "$app/Contents/MacOS/r1desk" ] || { echo "no app bundle at $app" >&2; exit 1; }
bundle_id="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleIdentifier' "$app/Contents/Info.plist")"
[ "$bundle_id" = "io.github.r1desk.R1desk" ] || { echo "unexpected bundle id $bundle_id" >&2; exit 1; }
version="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$app/Contents/Info.plist")"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/r1desk.app"
ln -s /Applications "$stage/Applications"

mkdir -p "$out"
dmg="$out/r1desk-$version-macos-$(uname -m).dmg"
rm -f "$dmg"
hdiutil create -volname "r1desk $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null
hdiutil verify "$dmg" >/dev/null
echo "$dmg"

#!/bin/sh
# check-installed-data.sh BUILD_DIR APP_ID: installs the build into a
# scratch DESTDIR and validates what a distribution or Flatpak would ship
# — the desktop file, the AppStream metainfo, the GSettings schema, icons,
# MIME type, translations and binaries — as installed, not as in the
# source tree.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=$1
app=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

fail() { printf 'installed data: %s\n' "$*" >&2; exit 1; }

meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1 ||
  { cat "$dest.log" >&2; rm -f "$dest.log"; fail "meson install failed"; }
rm -f "$dest.log"

desktop=$(find "$dest" -path "*/share/applications/$app.desktop" | head -n 1)
[ -n "$desktop" ] || fail "no $app.desktop installed under share/applications"
datadir=${desktop%/applications/*}
bindir=${datadir%/share}/bin

desktop-file-validate "$desktop"
appstreamcli validate --no-net --explain "$datadir/metainfo/$app.metainfo.xml" >"$dest/appstream.log" 2>&1 ||
  { cat "$dest/appstream.log" >&2; fail "metainfo does not validate"; }
glib-compile-schemas --strict --dry-run "$datadir/glib-2.0/schemas"

for file in \
  "icons/hicolor/scalable/apps/$app.svg" \
  "icons/hicolor/symbolic/apps/$app-symbolic.svg" \
  "icons/hicolor/scalable/mimetypes/application-x-standpoint-project.svg" \
  "mime/packages/$app.mime.xml" \
  "glib-2.0/schemas/$app.gschema.xml" \
  "locale/de/LC_MESSAGES/standpoint.mo"
do
  [ -s "$datadir/$file" ] || fail "$file is not installed"
done
for svg in "$datadir"/icons/hicolor/*/*/*.svg; do
  xmllint --noout "$svg" || fail "$svg is not well-formed"
done

# What the desktop file promises must be there.
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon_name=$(sed -n 's/^Icon=//p' "$desktop")
[ -x "$bindir/$exec_name" ] || fail "Exec=$exec_name is not an installed program"
[ "$icon_name" = "$app" ] || fail "Icon=$icon_name is not the installed app icon $app"
grep -q '^MimeType=.*application/x-standpoint-project;' "$desktop" ||
  fail "the desktop file does not claim application/x-standpoint-project"
[ -x "$bindir/standpoint-cli" ] || fail "standpoint-cli is not installed"
grep -q "<launchable type=\"desktop-id\">$app.desktop</launchable>" "$datadir/metainfo/$app.metainfo.xml" ||
  fail "the metainfo's launchable is not $app.desktop"

printf 'installed data: %s validated\n' "$datadir"

#!/bin/sh
# Installs the MIME type into a scratch data dir and checks that a real
# project file is recognised by its name and by its content alone, and that
# another SQLite file or a text file is not.
set -eu
mime_xml=${1:?usage: check-mime.sh MIME_XML}
cli=${SP_CLI:?SP_CLI must point at standpoint-cli}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages"
cp "$mime_xml" "$tmp/share/mime/packages/"
update-mime-database "$tmp/share/mime" >/dev/null

"$cli" new "$tmp/project.standpoint"
cp "$tmp/project.standpoint" "$tmp/renamed.bin"
printf 'not a project\n' > "$tmp/notes.standpoint.txt"

type_of() {
  XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS="$tmp/share:/usr/share" \
    gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'
}

status=0
expect() {
  got=$(type_of "$1")
  if [ "$got" = "$2" ]; then
    echo "ok: $(basename "$1") is $got"
  else
    echo "FAIL: $(basename "$1") is $got, expected $2"
    status=1
  fi
}

expect "$tmp/project.standpoint" application/x-standpoint-project
expect "$tmp/renamed.bin" application/x-standpoint-project
expect "$tmp/notes.standpoint.txt" text/plain
exit $status

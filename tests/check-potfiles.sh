#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
set -eu
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( {
  grep -rlE '\b(N?_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' data --include='*.ui' || true
  ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml 2>/dev/null || true
} | sort -u)

status=0
for file in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$file"; then
    echo "missing from po/POTFILES.in: $file"
    status=1
  fi
done
for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in names a file that does not exist: $file"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(printf '%s\n' "$listed" | wc -l) files with translatable strings"
exit $status

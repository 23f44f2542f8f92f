#!/bin/sh
# Runs msgfmt --check on every language in LINGUAS: format specifiers,
# header and plural forms must be valid.
set -eu
podir=${1:?usage: check-po.sh PO_DIR MSGFMT}
msgfmt=${2:-msgfmt}
status=0
for lang in $(sed 's/#.*//' "$podir/LINGUAS"); do
  if ! "$msgfmt" --check --statistics -o /dev/null "$podir/$lang.po"; then
    echo "po/$lang.po: msgfmt --check failed"
    status=1
  fi
done
exit $status

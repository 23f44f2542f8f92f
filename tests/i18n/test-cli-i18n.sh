#!/bin/sh
# standpoint-cli in German: the usage text and an error message come from
# po/de.po. Run by meson with LC_ALL=C.UTF-8 LANGUAGE=de and
# STANDPOINT_LOCALEDIR=<build>/po (tests/i18n/meson.build).
set -u
cli=${SP_CLI:?SP_CLI must name standpoint-cli}
status=0

fail() {
  echo "FAIL: $*"
  status=1
}

expect() { # expect WHAT TEXT NEEDLE
  case $2 in
    *"$3"*) echo "ok: $1 has “$3”" ;;
    *) fail "$1 lacks “$3”; it was:"; printf '%s\n' "$2" ;;
  esac
}

reject() { # reject WHAT TEXT NEEDLE
  case $2 in
    *"$3"*) fail "$1 still has the English “$3”"; printf '%s\n' "$2" ;;
    *) ;;
  esac
}

# --help: the usage header, the command list and the closing hint
help=$("$cli" --help 2>&1) || fail "standpoint-cli --help exited with $?"
expect "--help" "$help" "Aufruf: standpoint-cli BEFEHL [OPTION …] ARGUMENTE"
expect "--help" "$help" "Befehle:"
expect "--help" "$help" "Ein leeres Projekt erstellen"
expect "--help" "$help" "Die Akteure auflisten"
reject "--help" "$help" "Usage:"
reject "--help" "$help" "Commands:"

# An error from the core library (sp-project.c), printed by the CLI
missing=/nonexistent-$$/missing.standpoint
out=$("$cli" documents "$missing" 2>&1) && fail "documents on a missing file succeeded"
expect "documents on a missing file" "$out" "Es gibt keine Projektdatei „missing.standpoint“"
reject "documents on a missing file" "$out" "There is no project file"

# An error from the CLI itself, with the command's usage
out=$("$cli" frobnicate 2>&1) && fail "an unknown command succeeded"
expect "an unknown command" "$out" "standpoint-cli: Unbekannter Befehl „frobnicate“"
out=$("$cli" documents 2>&1) && fail "documents without a project succeeded"
expect "documents without a project" "$out" "Aufruf: standpoint-cli documents PROJEKT"

# Control: without LANGUAGE the same build speaks English, so the German
# above came from the translation and not from the program's own strings.
help=$(LANGUAGE= "$cli" --help 2>&1)
expect "--help without LANGUAGE" "$help" "Usage: standpoint-cli COMMAND"

exit $status

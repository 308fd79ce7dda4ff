#!/bin/bash
# verify-unit.sh UNIT_TEMPLATE PINGSCOPE: the packaged pingscope-watch@.service, with the built program in
# place of the installed one, passes `systemd-analyze verify` without a word, and `systemd-analyze security`
# rates its exposure 2.0 or lower (docs/fleet.md records the score). Exit 77 (skipped) without systemd-analyze.
set -euo pipefail
template=$1
program=$2
if ! command -v systemd-analyze >/dev/null; then
    echo "systemd-analyze is not installed (Debian package systemd): the unit was not verified"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unit=$work/pingscope-watch@.service
sed -e "s|@PINGSCOPE_INSTALLED_EXECUTABLE@|$program|" -e "s|@PINGSCOPE_INSTALLED_DOCDIR@|/usr/share/doc/pingscope|" \
    "$template" >"$unit"
if grep -n '@[A-Z_]*@' "$unit"; then
    echo "a placeholder is left in the unit"
    exit 1
fi
# --man=no: the man page is installed by the package, not on the build machine.
if ! systemd-analyze verify --man=no "$unit" >"$work/verify.log" 2>&1 || [ -s "$work/verify.log" ]; then
    echo "systemd-analyze verify complains:"
    cat "$work/verify.log"
    exit 1
fi
echo "systemd-analyze verify: no complaint"
systemd-analyze security --offline=yes --no-pager "$unit" >"$work/security.log" 2>&1 || true
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$work/security.log")
if [ -z "$score" ]; then
    echo "systemd-analyze security gave no score:"
    cat "$work/security.log"
    exit 1
fi
echo "systemd-analyze security --offline=yes: exposure $score"
awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }' || { echo "exposure $score is above 2.0"; grep '✗' "$work/security.log"; exit 1; }

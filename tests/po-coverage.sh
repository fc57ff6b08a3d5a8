#!/bin/sh
# po-coverage.sh ROOT - everything the user sees is translated: every
# source file that marks strings is in translations/POTFILES, and every
# marked string has a translation in every language in LINGUAS.
set -u
root=$1
status=0
cd "$root" || exit 1
for f in src/*.c; do
  if grep -q -e '_("' -e 'ngettext(' "$f" && ! grep -qx "$f" translations/POTFILES; then
    echo "$f marks strings for translation but is not in translations/POTFILES"
    status=1
  fi
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 -kC_:1c,2 -kNC_:1c,2 \
  --files-from=translations/POTFILES -o "$tmp/redflags.pot" 2>/dev/null || {
  echo "xgettext failed"; exit 1; }
for lang in $(cat translations/LINGUAS); do
  # Missing or untranslated (or fuzzy) messages are errors.
  if ! msgcmp translations/"$lang".po "$tmp/redflags.pot" 2>"$tmp/err"; then
    grep -v "this message is not used" "$tmp/err"
    echo "translations/$lang.po misses the messages above; add them (see docs/translating.md)"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "every marked string is translated"
exit "$status"

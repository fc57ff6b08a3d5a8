#!/bin/sh
# dev.sh - the two quick-start commands, on Debian or Ubuntu.
#
#   ./dev.sh run    install what is needed, build, start redflags
#   ./dev.sh test   install what is needed, build, run every test
#
# Packages are installed with apt-get (through sudo when not root) only
# when some are missing.  The build goes to ./build.
set -eu

cd "$(dirname "$0")"

# valgrind: tests/test-env.c runs the program itself under it (the test
# skips without it).  The terminal types the tests use (linux, screen,
# vt100, xterm-256color) are in ncurses-base, which every system has.
PACKAGES="meson ninja-build pkg-config gcc libc6-dev libyaml-dev \
libncurses-dev libcriterion-dev libvterm-dev gettext python3 valgrind"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
if [ -n "$missing" ]; then
  echo "dev.sh: installing:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi

[ -f build/build.ninja ] || meson setup build
meson compile -C build

case "${1:-run}" in
run)
  shift 2>/dev/null || true
  exec ./build/redflags "$@"
  ;;
test)
  status=0
  meson test -C build --print-errorlogs || status=$?
  python3 tests/count-results.py build/meson-logs/testlog.json
  exit "$status"
  ;;
*)
  echo "usage: ./dev.sh [run|test]" >&2
  exit 2
  ;;
esac

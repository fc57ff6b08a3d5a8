#!/bin/sh
# yaml-suite.sh - every case of the official YAML test suite through
# `redflags check`.
#
# usage: yaml-suite.sh REDFLAGS_BINARY SUITE_DIR
#
# SUITE_DIR holds the cases as ID/in.yaml or ID/NN/in.yaml (see
# tests/data/yaml-test-suite/README.md).  Each input is checked as if it were
# a lesson, so most cases are rejected with schema messages: that is fine.
# A case fails when `redflags check`
#   - exits with anything but 0 (accepted) or 1 (rejected): a crash, a
#     signal, or a hang (killed after 10 s, status 124);
#   - exits 1 without a located message, a line of stderr starting with
#     "PATH:LINE:COL:" where PATH is the file name exactly as given;
#   - writes an ESC or any other C0 control byte except newline to stdout or
#     stderr (the YAML may hold them; the program must not pass them on).
# Prints one summary line, details for each failure, the time taken; exits 1
# if any case failed.

set -u

me=yaml-suite.sh
limit=10

if [ $# -ne 2 ]; then
  echo "usage: $me REDFLAGS_BINARY SUITE_DIR" >&2
  exit 2
fi
bin=$1
suite=${2%/}

if [ ! -x "$bin" ]; then
  echo "$me: $bin: not an executable file" >&2
  exit 1
fi
if [ ! -d "$suite" ]; then
  echo "$me: $suite: no such directory" >&2
  exit 1
fi
if ! command -v timeout >/dev/null 2>&1; then
  echo "$me: the timeout command (coreutils) is needed" >&2
  exit 1
fi

# Milliseconds where date knows %N (GNU), else whole seconds.
now_ms() {
  t=$(date +%s%N 2>/dev/null)
  case $t in
  *[!0-9]* | '') echo $(($(date +%s) * 1000)) ;;
  *) echo $((t / 1000000)) ;;
  esac
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/yaml-suite.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start=$(now_ms)
cases=0
accepted=0
rejected=0
failures=0
bad_accepted=0
errors=0

find "$suite" -type f -name in.yaml | LC_ALL=C sort >"$tmp/list"

# Count the C0 control bytes other than newline on stdin.
controls() {
  LC_ALL=C tr -dc '\000-\011\013-\037' | wc -c
}

# Show a captured stream with its control bytes made visible as '?'.
show() {
  if [ -s "$2" ]; then
    echo "    $1:"
    LC_ALL=C tr '\000-\011\013-\037' '[?*]' <"$2" | head -n 8 |
      awk '{ print "      | " $0 }'
    n=$(wc -l <"$2" | tr -d ' ')
    if [ "$n" -gt 8 ]; then
      echo "      | ... ($n lines)"
    fi
  fi
}

while IFS= read -r file; do
  dir=${file%/in.yaml}
  id=${dir#"$suite"/}
  cases=$((cases + 1))
  must_fail=no
  if [ -e "$dir/error" ]; then
    must_fail=yes
    errors=$((errors + 1))
  fi

  timeout -k 5 "$limit" "$bin" check "$file" </dev/null \
    >"$tmp/out" 2>"$tmp/err"
  status=$?

  why=
  case $status in
  0)
    accepted=$((accepted + 1))
    if [ $must_fail = yes ]; then
      bad_accepted=$((bad_accepted + 1))
    fi
    ;;
  1)
    rejected=$((rejected + 1))
    if ! P=$file awk '
      BEGIN { p = ENVIRON["P"]; n = length(p); found = 0 }
      substr($0, 1, n) == p && substr($0, n + 1) ~ /^:[0-9]+:[0-9]+:/ {
        found = 1
      }
      END { exit found ? 0 : 1 }' "$tmp/err"; then
      why="exit status 1 without a located message ($file:LINE:COL: ...)"
    fi
    ;;
  124) why="timed out after $limit s" ;;
  125 | 126 | 127) why="could not be run (status $status)" ;;
  137) why="killed by SIGKILL (ignored SIGTERM after $limit s, or a crash)" ;;
  *)
    if [ $status -gt 128 ]; then
      why="killed by signal $((status - 128))"
    else
      why="exit status $status (expected 0 or 1)"
    fi
    ;;
  esac

  n=$(cat "$tmp/out" "$tmp/err" | controls)
  [ "$n" -gt 0 ] && for stream in out err; do
    n=$(controls <"$tmp/$stream")
    if [ "$n" -gt 0 ]; then
      first=$(LC_ALL=C tr -dc '\000-\011\013-\037' <"$tmp/$stream" |
        od -An -to1 | head -n 1 | sed 's/^ *//')
      name=stdout
      [ $stream = err ] && name=stderr
      why="${why:+$why; }$n control byte(s) on $name (octal: $first)"
    fi
  done

  if [ -n "$why" ]; then
    failures=$((failures + 1))
    title=$(LC_ALL=C tr '\000-\011\013-\037' '[?*]' <"$dir/===" 2>/dev/null)
    echo "FAIL $id ($title), must-reject=$must_fail: $why"
    show stdout "$tmp/out"
    show stderr "$tmp/err"
  fi
done <"$tmp/list"

elapsed=$(($(now_ms) - start))

if [ $cases -eq 0 ]; then
  echo "$me: no cases (*/in.yaml) under $suite" >&2
  exit 1
fi

echo "yaml-test-suite: $cases cases, $accepted accepted, $rejected rejected," \
  "$failures failures"
echo "yaml-test-suite: $bad_accepted of the $errors must-reject cases were" \
  "accepted (not a failure: YAML-level deviations)"
echo "yaml-test-suite: took $((elapsed / 1000)).$(printf %03d $((elapsed % 1000))) s"

[ $failures -eq 0 ]

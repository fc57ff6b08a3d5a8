#!/usr/bin/env python3
"""Count test results in meson's testlog.json files (one or more) and print
'N passed, N failed'.

Criterion tests speak TAP, so each of their test cases counts on its own
(an 'ok' or 'not ok' line); any other test counts once, by its result.
"""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            test = json.loads(line)
            out = test.get("stdout") or ""
            oks = re.findall(r"^(not ok|ok)\b(.*)$", out, re.M)
            if test.get("protocol") == "tap" or oks:
                for status, rest in oks:
                    if "# SKIP" in rest.upper():
                        skipped += 1
                    elif status == "ok":
                        passed += 1
                    else:
                        failed += 1
                # A crash (or a timeout) that no "not ok" line shows
                # still counts as a failure.
                if test.get("result") not in ("OK", "SKIP") and not any(
                        status == "not ok" for status, _ in oks):
                    failed += 1
            elif test.get("result") == "SKIP":
                skipped += 1
            elif test.get("result") == "OK":
                passed += 1
            else:
                failed += 1

# The last line is exactly "N passed, N failed"; skips are said before it.
if skipped:
    print(f"({skipped} skipped)")
print(f"{passed} passed, {failed} failed")

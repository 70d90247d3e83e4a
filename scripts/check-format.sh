#!/usr/bin/env bash
# Checks that Sources and Tests are formatted as .swift-format says (lines <= 120 columns,
# 4-space indentation), without changing a file. `swift format -i -r Sources Tests` fixes
# what it reports, except end-of-line comments that make a line too long (move them above).
#
# The formatter cannot break a string literal or a comment; the lines it leaves over 120
# columns are counted against scripts/long-lines.count, which may only go down: a change that
# adds one fails here (shorten it, or split the string).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! swift format --version >/dev/null 2>&1; then
    echo "check-format: 'swift format' is not available (it ships with Swift 6 toolchains)" >&2
    exit 69
fi
swift format lint --strict --recursive --parallel --configuration .swift-format Sources Tests
long=$(find Sources Tests -name '*.swift' -print0 | xargs -0 awk 'length($0) > 120' | wc -l)
allowed=$(cat scripts/long-lines.count)
if [ "$long" -gt "$allowed" ]; then
    echo "check-format: $long lines over 120 columns, more than the $allowed of scripts/long-lines.count" >&2
    find Sources Tests -name '*.swift' -print0 | xargs -0 awk 'length($0) > 120 { print FILENAME ":" FNR }' | head -20 >&2
    exit 1
fi
echo "check-format: Sources and Tests follow .swift-format ($long lines over 120 columns, at most $allowed)"

#!/usr/bin/env bash
# Checks that Sources and Tests are formatted as .swift-format says (lines <= 120 columns,
# 4-space indentation), without changing a file. `swift format -i -r Sources Tests` fixes
# what it reports, except end-of-line comments that make a line too long (move them above).
#
# CI runs it only when MAILLAGE_CHECK_FORMAT=1 until the whole tree has had its one
# formatting pass (see README, "Formatting"); then the switch goes.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! swift format --version >/dev/null 2>&1; then
    echo "check-format: 'swift format' is not available (it ships with Swift 6 toolchains)" >&2
    exit 69
fi
swift format lint --strict --recursive --parallel --configuration .swift-format Sources Tests
echo "check-format: Sources and Tests follow .swift-format"

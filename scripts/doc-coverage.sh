#!/usr/bin/env bash
# Counts the public declarations without a doc comment, per module, with swift-format's
# AllPublicDeclarationsHaveDocumentation rule alone (a temporary configuration: the project's
# own swift-format settings are not touched). Prints "Module count" lines and the places with -v.
#
#   scripts/doc-coverage.sh [-v] [Module…]     # every module under Sources/ by default
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=0
if [ "${1:-}" = "-v" ]; then verbose=1; shift; fi
config=$(mktemp)
trap 'rm -f "$config"' EXIT
swift-format dump-configuration | python3 -c '
import json, sys
c = json.load(sys.stdin)
c["rules"] = {name: name == "AllPublicDeclarationsHaveDocumentation" for name in c["rules"]}
print(json.dumps(c))' > "$config"
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
    for folder in Sources/*/; do modules+=("$(basename "$folder")"); done
fi
for module in "${modules[@]}"; do
    found=$(swift-format lint --configuration "$config" -r "Sources/$module" 2>&1 \
        | grep 'AllPublicDeclarationsHaveDocumentation' || true)
    echo "$module $(grep -c . <<<"$found" || true)"
    if [ $verbose = 1 ] && [ -n "$found" ]; then sed 's/^/  /' <<<"$found"; fi
done

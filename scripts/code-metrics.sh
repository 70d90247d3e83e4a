#!/usr/bin/env bash
# Code metrics per module: lines, files, public and package declarations, lines over 120 columns.
#
# Usage: scripts/code-metrics.sh [source-root]   (default: Sources)
# A declaration counts once per line that opens with an access keyword (after attributes),
# e.g. `public func`, `@inlinable public init`, `package struct`; `public private(set)` counts as public.
set -euo pipefail
root="${1:-Sources}"
cd "$(dirname "$0")/.."
printf '%-22s %7s %6s %7s %8s %6s\n' module lines files public package ">120"
total_lines=0; total_files=0; total_public=0; total_package=0; total_long=0
for dir in "$root"/*/; do
    module="$(basename "$dir")"
    mapfile -t files < <(find "$dir" -name '*.swift' | sort)
    [ "${#files[@]}" -eq 0 ] && continue
    lines=$(cat "${files[@]}" | wc -l)
    public=$(cat "${files[@]}" | grep -cE '^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*public\b' || true)
    # `package` followed by a declaration keyword (a bare `package:` argument label is not one).
    keywords='static|final|func|var|let|struct|enum|class|init|protocol|typealias|subscript|extension|actor'
    keywords+='|private|fileprivate|mutating|nonisolated|convenience|required|override|lazy|indirect|import'
    package=$(cat "${files[@]}" | grep -cE "^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*package\s+($keywords)\b" || true)
    long=$(cat "${files[@]}" | awk 'length($0) > 120' | wc -l)
    printf '%-22s %7d %6d %7d %8d %6d\n' "$module" "$lines" "${#files[@]}" "$public" "$package" "$long"
    total_lines=$((total_lines + lines)); total_files=$((total_files + ${#files[@]}))
    total_public=$((total_public + public)); total_package=$((total_package + package))
    total_long=$((total_long + long))
done
printf '%-22s %7d %6d %7d %8d %6d\n' total "$total_lines" "$total_files" "$total_public" "$total_package" "$total_long"

#!/usr/bin/env bash
# Builds the DocC archive of every library module with the toolchain's own `docc` (no
# swift-docc-plugin needed, so it works offline) and fails if a catalog page (Sources/*/*.docc)
# links to anything DocC cannot resolve. Symbol graphs come from the modules of a debug build
# (`swift build` first), read by swift-symbolgraph-extract.
#
#   scripts/build-docs.sh [OUT]     # archives in OUT (default .build/docs), one per module
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
modules=.build/debug/Modules
[ -d "$modules" ] || { echo "build-docs: no $modules: run 'swift build' first" >&2; exit 66; }
graphs=$(mktemp -d)
trap 'rm -rf "$graphs"' EXIT
# The C modules the Swift modules import, so that their interfaces load.
maps=(Sources/CProj/module.modulemap Sources/CMaillagePrefetch/include/module.modulemap
      .build/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap
      .build/checkouts/Yams/Sources/CYaml/include/module.modulemap)
flags=()
for map in "${maps[@]}"; do flags+=(-Xcc "-fmodule-map-file=$map"); done
flags+=(-Xcc -I.build/checkouts/Yams/Sources/CYaml/include)
failed=0
mkdir -p "$out"
for catalog in Sources/*/*.docc; do
    module=$(basename "$catalog" .docc)
    mkdir -p "$graphs/$module"
    swift-symbolgraph-extract -module-name "$module" -I "$modules" -target "$(uname -m)-unknown-linux-gnu" \
        -minimum-access-level public -output-dir "$graphs/$module" "${flags[@]}"
    rm -rf "$out/$module.doccarchive"
    log=$(docc convert "$catalog" --additional-symbol-graph-dir "$graphs/$module" \
        --output-dir "$out/$module.doccarchive" --fallback-display-name "$module" \
        --fallback-bundle-identifier "org.maillage.$module" 2>&1)
    # Warnings placed in a catalog page (`--> Page.md:line`) are the catalog's; those in .swift
    # files are doc comments, reported by count only.
    broken=$(grep -A1 '^warning:' <<<"$log" | grep -c -- '--> [^ ]*\.md:' || true)
    comments=$(grep -c '^warning:' <<<"$log" || true)
    echo "$module: $out/$module.doccarchive ($broken catalog problems, $((comments - broken)) doc-comment warnings)"
    if [ "$broken" -gt 0 ]; then
        grep -B1 -A4 -- '--> [^ ]*\.md:' <<<"$log" >&2
        failed=1
    fi
done
exit $failed

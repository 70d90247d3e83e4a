#!/usr/bin/env bash
# The one release build, used by `make build`/`make demo` and every benchmark script, so that
# they share .build/release instead of rebuilding it with other flags.
#
# The Swift standard library and Foundation are linked into each binary
# (--static-swift-stdlib): a binary then runs where no Swift toolchain is installed (the
# cluster image ships it alone), and every command starts about 5 ms sooner, not loading and
# relocating a dozen shared libraries (`perf stat -r 20 maillage-bench --help`: 10 ms against
# 15 ms). SQLite and PROJ stay the system's shared libraries.
#
# Usage: scripts/build-release.sh [PRODUCT…]   (default: maillage)
set -euo pipefail
cd "$(dirname "$0")/.."
products=("$@")
[[ ${#products[@]} -gt 0 ]] || products=(maillage)
for product in "${products[@]}"; do
  ${SWIFT:-swift} build -c release --static-swift-stdlib --product "$product"
done

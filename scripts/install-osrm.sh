#!/usr/bin/env bash
# Puts OSRM's release binaries (osrm-extract, -partition, -customize, -routed, …) and its
# Lua profiles under .build-osrm/, from PyPI's osrm-bindings wheel, which ships them built
# for manylinux_2_28 x86_64. No Docker needed. Idempotent: does nothing when they are there
# and run. `maillage travel osrm --osrm-bin .build-osrm/bin` then finds them (the profiles
# are looked up in ../share/profiles beside the binaries).
set -euo pipefail
cd "$(dirname "$0")/.."
version=26.10.0
dest=.build-osrm
if [[ -x $dest/bin/osrm-routed && -f $dest/share/profiles/car.lua ]] \
   && [[ "$("$dest/bin/osrm-extract" --version 2>/dev/null)" == "v$version" ]]; then
  exit 0
fi
if [[ $(uname -m) != x86_64 ]]; then
  echo "install-osrm: the osrm-bindings wheel carries x86_64 Linux binaries only; install OSRM $version another way (Docker's osrm/osrm-backend) and pass --osrm-bin" >&2
  exit 1
fi
echo "install-osrm: fetching osrm-bindings $version from PyPI into $dest" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
  --python-version 3.12 --platform manylinux_2_28_x86_64 "osrm-bindings==$version" -d "$work"
python3 -m zipfile -e "$work"/osrm_bindings-"$version"-*.whl "$work/wheel"
rm -rf "$dest.new"
mkdir -p "$dest.new/bin" "$dest.new/share"
cp "$work"/wheel/osrm/bin/osrm-* "$dest.new/bin/"
cp -r "$work/wheel/osrm/share/profiles" "$dest.new/share/profiles"
# Shared libraries the wheel may carry (auditwheel puts them in <package>.libs): keep them
# beside the binaries and reach them through a wrapper, so the binaries run from anywhere.
libs=$(find "$work/wheel" -maxdepth 1 -type d -name '*.libs' | head -n 1)
if [[ -n $libs ]]; then
  mkdir -p "$dest.new/lib" "$dest.new/libexec"
  cp "$libs"/* "$dest.new/lib/"
  for tool in "$dest.new"/bin/osrm-*; do
    name=$(basename "$tool")
    mv "$tool" "$dest.new/libexec/$name"
    printf '#!/bin/sh\nhere=$(dirname "$(readlink -f "$0")")\nLD_LIBRARY_PATH="$here/../lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$here/../libexec/%s" "$@"\n' "$name" > "$tool"
  done
fi
chmod +x "$dest.new"/bin/* "$dest.new"/libexec/* 2>/dev/null || true
# Check they run on this machine before putting them in place.
if ! "$dest.new/bin/osrm-extract" --version >/dev/null || ! "$dest.new/bin/osrm-routed" --version >/dev/null; then
  echo "install-osrm: the OSRM binaries from the wheel do not run here (see the error above)" >&2
  exit 1
fi
rm -rf "$dest"
mv "$dest.new" "$dest"
echo "install-osrm: $("$dest/bin/osrm-routed" --version) in $dest/bin" >&2

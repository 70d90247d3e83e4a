#!/usr/bin/env bash
# Installs the Debian packages Maillage builds against, only when they are missing.
#
# Usage: scripts/install-deps.sh [--test]
#   --test  also installs what the test suite needs (python3-venv for reference peers and the
#           notebooks' virtualenv, whose PyPI wheels bring their own GEOS, PROJ and GDAL;
#           chromium to render the HTML report headless as a reader would see it; gdal-bin,
#           whose ogrinfo and ogr2ogr read the exported GeoPackage as QGIS would; Slurm's daemons
#           and client, for a real single-node cluster that runs the sharded sweeps).
# Idempotent: a machine that already has everything runs no package manager at all.
set -euo pipefail

packages=(libsqlite3-dev libproj-dev proj-data pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(python3-venv sqlite3 chromium fonts-dejavu-core gdal-bin slurmctld slurmd slurm-client)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Prepares the Python the test suite uses as peers: pm4py reads the simulation's event log;
# PySAL's inequality, esda and libpysal give the reference equity measures (check-equity.py);
# shapely checks the isochrone polygons (check-isochrones.py); SALib gives the reference Morris
# and Sobol indices the sensitivity estimators are checked against; kubernetes-validate checks
# the Kubernetes manifests offline against the API's published schemas.
# A virtualenv in .build-pytest (ignored by git), made once and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-pytest
requirements=("pm4py==2.7.*" "inequality==1.1.2" "esda==2.9.0" "libpysal==4.14.1" "shapely==2.2.0" "SALib==1.5.*" "kubernetes-validate==1.37.0")
if [[ -x $venv/bin/python ]] && $venv/bin/python -c "import pm4py, inequality, esda, libpysal, shapely, SALib, kubernetes_validate" 2>/dev/null; then
  exit 0
fi
echo "install-test-python: preparing $venv with ${requirements[*]}" >&2
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "${requirements[@]}"

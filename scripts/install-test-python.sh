#!/usr/bin/env bash
# Prepares the Python the test suite uses as a peer: pm4py reads the simulation's event log;
# SALib gives the reference Morris and Sobol indices the sensitivity estimators are checked against.
# A virtualenv in .build-pytest (ignored by git), made once and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-pytest
if [[ -x $venv/bin/python ]] && $venv/bin/python -c "import pm4py, SALib" 2>/dev/null; then
  exit 0
fi
echo "install-test-python: creating $venv with pm4py and SALib" >&2
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "pm4py==2.7.*" "SALib==1.5.*"

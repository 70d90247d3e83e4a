#!/usr/bin/env python3
"""Executes every notebook of notebooks-export/ headless and fails on any cell error.

Usage: scripts/run-notebooks.py [NOTEBOOK.ipynb ...]
Runs in the virtualenv `make notebooks` creates (nbclient, nbformat, ipykernel). The committed
notebooks must have their outputs cleared; they are executed in memory and the executed copies
are written to $MAILLAGE_NOTEBOOK_OUT/executed/ (default out/notebooks), never over the sources.
The notebooks read MAILLAGE (the binary) and MAILLAGE_NOTEBOOK_OUT (their working folder).
"""
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT_SECONDS = 600
# IPython colours its tracebacks; logs and CI want plain text.
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def uncleared_cells(notebook) -> list[int]:
    """The indices of code cells that carry outputs or an execution count."""
    return [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]


def run(path: Path, executed_folder: Path) -> bool:
    """Executes one notebook in its own folder; reports the failing cell and returns False on error."""
    notebook = nbformat.read(path, as_version=4)
    dirty = uncleared_cells(notebook)
    if dirty:
        print(f"{path.name}: committed with outputs in cells {dirty}; clear them "
              f"(jupyter nbconvert --clear-output --inplace {path})", file=sys.stderr)
        return False
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_SECONDS, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    try:
        client.execute()
        succeeded = True
    except CellExecutionError as error:
        print(f"{path.name}: a cell failed\n{ANSI_ESCAPE.sub('', str(error))}", file=sys.stderr)
        succeeded = False
    finally:
        nbformat.write(notebook, executed_folder / path.name)
    status = "ok" if succeeded else "FAILED"
    print(f"{path.name}: {status} in {time.monotonic() - started:.1f} s "
          f"(executed copy: {executed_folder / path.name})")
    return succeeded


def main(arguments: list[str]) -> int:
    paths = [Path(argument).resolve() for argument in arguments] or sorted((ROOT / "notebooks-export").glob("*.ipynb"))
    if not paths:
        print("no notebooks to run", file=sys.stderr)
        return 1
    out = Path(os.environ.setdefault("MAILLAGE_NOTEBOOK_OUT", str(ROOT / "out" / "notebooks"))).resolve()
    os.environ["MAILLAGE_NOTEBOOK_OUT"] = str(out)
    executed_folder = out / "executed"
    executed_folder.mkdir(parents=True, exist_ok=True)
    results = [run(path, executed_folder) for path in paths]
    failed = results.count(False)
    print(f"notebooks: {len(results) - failed} passed, {failed} failed (outputs in {out})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

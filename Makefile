# Maillage: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/maillage

.PHONY: demo test check-format sanitize fuzz deps test-deps build notebooks bench-generate occitanie clean

## Install what is missing, build in release, and run the main job on the demo territory.
demo: build
	$(BIN) demo --out out

## Install what the tests need and run every test, then the notebooks (so they cannot rot).
test: test-deps
	@if [ "$${MAILLAGE_CHECK_FORMAT:-1}" = 1 ]; then scripts/check-format.sh; fi
	scripts/install-test-python.sh
	scripts/install-osrm.sh
	$(SWIFT) test
	$(MAKE) notebooks

## Lint Sources and Tests against .swift-format (make test runs it when MAILLAGE_CHECK_FORMAT=1).
check-format:
	scripts/check-format.sh

## Every test under AddressSanitizer then ThreadSanitizer (slow: separate scratch folders, each a full build).
sanitize: test-deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

## Fuzz every importer with libFuzzer, FUZZ_SECONDS per target, one after the other (slow: its own build in .build-fuzz).
FUZZ_SECONDS ?= 60
fuzz: test-deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

deps:
	scripts/install-deps.sh

test-deps:
	scripts/install-deps.sh --test

build: deps
	SWIFT=$(SWIFT) scripts/build-release.sh maillage

## Time the generator on a national-size territory (35,000 zones, 68 million people).
bench-generate: build
	scripts/bench-generate.sh

## The real test territory from ../shared/data (out/occitanie5.db).
occitanie: build
	scripts/build-occitanie.sh

## Execute notebooks-export/*.ipynb headless in a virtualenv of pinned PyPI packages.
## The debug binary by default (after `swift test` it is already built); a MAILLAGE set in the
## environment is used as is, without building.
NOTEBOOK_VENV := .build-notebooks
NOTEBOOK_CONFIG ?= debug
PYTHON ?= python3
MAILLAGE ?= $(CURDIR)/.build/$(NOTEBOOK_CONFIG)/maillage
MAILLAGE_NOTEBOOK_OUT ?= $(CURDIR)/out/notebooks

notebooks: $(NOTEBOOK_VENV)/installed
	$(if $(filter environment,$(origin MAILLAGE)),,$(SWIFT) build -c $(NOTEBOOK_CONFIG) --product maillage)
	MAILLAGE="$(MAILLAGE)" MAILLAGE_NOTEBOOK_OUT="$(MAILLAGE_NOTEBOOK_OUT)" \
		$(NOTEBOOK_VENV)/bin/python scripts/run-notebooks.py

$(NOTEBOOK_VENV)/installed: notebooks-export/requirements.txt | test-deps
	$(PYTHON) -m venv --clear $(NOTEBOOK_VENV)
	$(NOTEBOOK_VENV)/bin/pip install --quiet --disable-pip-version-check -r notebooks-export/requirements.txt
	touch $@

clean:
	rm -rf .build .build-asan .build-tsan .build-notebooks .build-pytest out

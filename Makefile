# Maillage: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/maillage

.PHONY: demo test sanitize deps test-deps build bench-generate occitanie clean

## Install what is missing, build in release, and run the main job on the demo territory.
demo: build
	$(BIN) demo --out out

## Install what the tests need and run every test.
test: test-deps
	scripts/install-test-python.sh
	$(SWIFT) test

## Every test under AddressSanitizer then ThreadSanitizer (slow: separate scratch folders, each a full build).
sanitize: test-deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

deps:
	scripts/install-deps.sh

test-deps:
	scripts/install-deps.sh --test

build: deps
	$(SWIFT) build -c release --product maillage

## Time the generator on a national-size territory (35,000 zones, 68 million people).
bench-generate: build
	scripts/bench-generate.sh

## The real test territory from ../shared/data (out/occitanie5.db).
occitanie: build
	scripts/build-occitanie.sh

clean:
	rm -rf .build .build-asan .build-tsan out

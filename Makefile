# normfolio: the two commands of the README, plus the benchmark.
#   make run    build normfolio and render the sample portfolio (Content/) into _site/
#   make test   run the whole test suite
#   make bench  time a release build on synthetic portfolios (see docs/performance.md)

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench deps release install clean

# System libraries normfolio links: libcmark (the CommonMark reference library) and zlib (for zips).
deps:
	@if ! pkg-config --exists libcmark zlib 2>/dev/null; then \
		echo "Installing libcmark-dev, zlib1g-dev and pkg-config (needs apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev zlib1g-dev pkg-config; \
	fi

release: deps
	$(SWIFT) build -c release --product normfolio

run: release
	.build/release/normfolio build .
	@echo "Open _site/index.html in a browser."

test: deps
	$(SWIFT) build --product normfolio
	$(SWIFT) test

bench: release
	Benchmarks/run.sh

install: release
	install -m 0755 .build/release/normfolio /usr/local/bin/normfolio

clean:
	rm -rf .build _site

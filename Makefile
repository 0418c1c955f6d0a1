# normfolio: the two commands of the README, plus the benchmark.
#   make run    build normfolio and render the sample portfolio (Content/) into _site/
#   make test   run the whole test suite
#   make bench  time a release build on synthetic portfolios (see docs/performance.md), and count its instructions
#   make bench-scale  time and memory per document at 1,000, 10,000 and 40,000 documents
#   make bench-instructions  only the instruction count of the 1,000-document build (callgrind), PROFILE=1 with its top entries
#   make screenshots  the main pages at two widths, and the first pages of each PDF, as PNG
#   make bench-serve  time the live preview from saving a document to showing it
#   make bench-pdf    time build --pdf on the sample and on a 1,000-document portfolio
#   make fuzz   coverage-guided fuzzing with libFuzzer and AddressSanitizer (FUZZ_SECONDS per target)

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test import-deps pdf-deps a11y a11y-deps live-reload search-isolation screenshots bench bench-scale bench-instructions bench-pdf bench-serve fuzz deps release install clean

# System libraries normfolio links: libcmark (the CommonMark reference library), libxml2 (its HTML
# parser, for raw HTML in Markdown), zlib (for zips) and libxlsxwriter (the Excel workbook).
deps:
	@if ! pkg-config --exists libcmark zlib libxml-2.0 xlsxwriter 2>/dev/null; then \
		echo "Installing libcmark-dev, libxml2-dev, zlib1g-dev, libxlsxwriter-dev and pkg-config (needs apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev libxml2-dev zlib1g-dev libxlsxwriter-dev pkg-config; \
	fi

release: deps
	$(SWIFT) build -c release --product normfolio

run: release
	.build/release/normfolio build .
	@echo "Open _site/index.html in a browser."

# pandoc: `normfolio import` needs it at run time, and the tests import Word and OpenDocument files.
import-deps:
	@command -v pandoc >/dev/null 2>&1 || { echo "Installing pandoc (needs apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq pandoc; }

# PDFs: `build --pdf` runs WeasyPrint; the tests read the PDFs with poppler's pdftotext.
pdf-deps:
	@command -v weasyprint >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { echo "Installing weasyprint and poppler-utils (needs apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq weasyprint poppler-utils; }

test: deps a11y-deps import-deps pdf-deps
	$(SWIFT) build --product normfolio
	NORMFOLIO_REQUIRE_TOOLS=1 $(SWIFT) test
	python3 Tests/Accessibility/check.py .build/debug/normfolio
	python3 Tests/Browser/print_check.py .build/debug/normfolio
	python3 Tests/Browser/live_reload.py .build/debug/normfolio
	python3 Tests/Browser/search_isolation.py .build/debug/normfolio
	python3 Tests/Browser/school_filter.py .build/debug/normfolio
	python3 Tests/SARIF/validate.py .build/debug/normfolio

# Accessibility: axe-core in Debian's Chromium over every page type, both languages, light and dark.
a11y-deps:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing chromium (needs apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@python3 -c "import axe_playwright_python, playwright, icalendar, openpyxl, jsonschema" 2>/dev/null || \
		python3 -m pip install -q axe-playwright-python playwright icalendar openpyxl jsonschema

a11y: deps a11y-deps
	$(SWIFT) build --product normfolio
	python3 Tests/Accessibility/check.py .build/debug/normfolio

# The live preview in headless Chromium: an edit shows without a manual reload, errors show, a fix brings the site back.
live-reload: deps a11y-deps
	$(SWIFT) build --product normfolio
	python3 Tests/Browser/live_reload.py .build/debug/normfolio

# The search index in headless Chromium: pages of other origins get nothing, search works from file://, a zip and a server.
search-isolation: deps a11y-deps
	$(SWIFT) build --product normfolio
	python3 Tests/Browser/search_isolation.py .build/debug/normfolio

# Screenshots of the main pages at 1280 and 390 pixels wide, in screenshots/.
screenshots: release a11y-deps pdf-deps
	.build/release/normfolio build . --audience auditor --pdf -o _site > /dev/null
	@mkdir -p screenshots
	@for page in index normen/index normen/SM.02 documenten/techniek-mfa-invoering dekking volwassenheid verbeterplan rapport zoeken integriteit; do \
		for width in 1280 390; do \
			chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=2000 \
				--window-size=$$width,1600 --screenshot=screenshots/$$(echo $$page | tr / -)-$$width.png \
				"file://$(CURDIR)/_site/$$page.html" 2>/dev/null; \
		done; \
	done
	@for paper in rapport handboek; do \
		pdftoppm -png -r 60 -f 1 -l 4 _site/export/$$paper.pdf screenshots/$$paper; \
	done
	@echo "Screenshots in screenshots/ (the first pages of each PDF too)"

bench: release
	Benchmarks/run.sh

# Whether time and memory grow linearly: per document at 1,000, 10,000 and 40,000 documents.
bench-scale: release
	Benchmarks/run.sh 1000 10000 40000 --scale

# The instructions of one 1,000-document build, counted by valgrind (steady on a busy machine).
bench-instructions: release
	Benchmarks/instructions.sh 1000 $(if $(PROFILE),--profile)

# How long build --pdf takes on the sample and on a 1,000-document portfolio (its handbook).
bench-pdf: release pdf-deps
	Benchmarks/run.sh 1000 --pdf

# How long after saving a document of a 10,000-document portfolio the preview shows it.
bench-serve: release
	Benchmarks/run.sh 10000 --serve

# Fuzzing (see docs/fuzzing.md): the fuzz build has its own build folder, so it never mixes with the normal one.
FUZZ_SECONDS ?= 900
FUZZ_TARGETS ?= markdown front-matter portfolio http register snapshot approval archive
fuzz: deps
	NORMFOLIO_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --product normfolio-fuzz
	Tests/Fuzz/run.sh .build-fuzz/debug/normfolio-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

install: release
	install -m 0755 .build/release/normfolio /usr/local/bin/normfolio

clean:
	rm -rf .build .build-fuzz _site

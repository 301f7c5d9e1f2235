# evidenced: `make run` and `make test` on a fresh Debian 12 machine with Swift.
# Every target installs what is missing first (idempotent: apt runs only when a package is absent).

SWIFT        ?= swift
BUILD_FLAGS  ?=
# Tesseract's OpenMP must run one thread per page (see OpenMPThreads.swift); tests load it in-process.
export OMP_THREAD_LIMIT = 1

APT_PACKAGES := pkg-config libpoppler-glib-dev libcairo2-dev libtesseract-dev libleptonica-dev \
	tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng libsqlite3-dev poppler-utils qpdf \
	fonts-liberation2 python3 python3-reportlab python3-pil python3-numpy python3-fonttools \
	systemd time bc

.PHONY: deps build run test bench install clean

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

run: build
	@echo "== evidenced extract samples/ =="
	@$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced extract $$(find samples -maxdepth 1 -type f ! -name '*.md' ! -name '*.txt' | sort) samples/*.txt || true

test: deps
	$(SWIFT) test $(BUILD_FLAGS)

bench: deps
	$(SWIFT) build -c release
	scripts/bench.sh $$($(SWIFT) build -c release --show-bin-path)/evidenced

clean:
	rm -rf .build

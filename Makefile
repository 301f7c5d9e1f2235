# evidenced: `make run` and `make test` on a fresh Debian 12 machine with Swift.
# Every target installs what is missing first (idempotent: apt runs only when a package is absent).

SWIFT        ?= swift
BUILD_FLAGS  ?=
# Tesseract's OpenMP must run one thread per page (see OpenMPThreads.swift); tests load it in-process.
export OMP_THREAD_LIMIT = 1

APT_PACKAGES := pkg-config libpoppler-glib-dev libcairo2-dev libtesseract-dev libleptonica-dev \
	tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd libsqlite3-dev poppler-utils qpdf \
	fonts-liberation2 python3 python3-reportlab python3-pil python3-numpy python3-fonttools \
	systemd time bc antiword libnss3-dev libnss3-tools libheif-examples

# Python packages the tests use (PyPI): `cryptography` signs the test PDFs with a throwaway CA.
PY_PACKAGES  := cryptography

.PHONY: deps pydeps build run test bench eval-real install clean

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# Idempotent: pip runs only when an import fails (into the user site, never the system's).
pydeps: deps
	@for p in $(PY_PACKAGES); do python3 -c "import $$p" 2>/dev/null || python3 -m pip install --user --quiet $$p \
		|| python3 -m pip install --user --quiet --break-system-packages $$p; done

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

# The daemon's main job on the sample submissions, with the embedded SQLite store in .build/run/.
run: build
	@rm -rf .build/run && mkdir -p .build/run/inbox && cp -r samples/submissions/*/ .build/run/inbox/
	@EVIDENCED_LOG_LEVEL=notice $$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced run --once --inbox .build/run/inbox --data .build/run/data

test: deps pydeps
	$(SWIFT) test $(BUILD_FLAGS)

bench: deps
	$(SWIFT) build -c release
	scripts/bench.sh $$($(SWIFT) build -c release --show-bin-path)/evidenced

# The labelled real documents of ../shared/real (not part of `make test`: it needs that folder).
REAL_DIR ?= ../shared/real
eval-real: deps
	@test -f $(REAL_DIR)/score.py || { echo "eval-real needs $(REAL_DIR) (the labelled real documents)"; exit 1; }
	$(SWIFT) build -c release
	python3 $(REAL_DIR)/score.py --bin $$($(SWIFT) build -c release --show-bin-path)/evidenced --verbose

clean:
	rm -rf .build

# ---------------------------------------------------------------------------------------------
# CONFIG: where `make install` puts things. Override on the command line, e.g.
#   make install DESTDIR=/tmp/stage              (stage into a directory: nothing on the host changes)
#   make install PREFIX=/usr UNITDIR=/lib/systemd/system
#   make install EVIDENCED_BIN=path/to/evidenced  (install that binary instead of building one)
PREFIX        ?= /usr/local
DESTDIR       ?=
BINDIR        ?= $(PREFIX)/bin
SYSCONFDIR    ?= /etc
UNITDIR       ?= /etc/systemd/system
SYSUSERSDIR   ?= /usr/lib/sysusers.d
TMPFILESDIR   ?= /usr/lib/tmpfiles.d
MODELSDIR     ?= /usr/share/evidenced/models
EVIDENCED_BIN ?=
INSTALL       ?= install

# Idempotent: running it again replaces the binary, unit and snippets, keeps an existing
# configuration, and re-applies the user and directories. Without DESTDIR, as root, it also creates
# the evidenced user and /var/lib/evidenced and reloads systemd; it does not enable or start the unit.
install: $(if $(EVIDENCED_BIN),,deps)
	@set -e; \
	bin="$(EVIDENCED_BIN)"; \
	if [ -z "$$bin" ]; then \
		$(SWIFT) build -c release $(BUILD_FLAGS); \
		bin="$$($(SWIFT) build -c release $(BUILD_FLAGS) --show-bin-path)/evidenced"; \
	fi; \
	root="$(DESTDIR)"; \
	$(INSTALL) -d "$$root$(BINDIR)" "$$root$(UNITDIR)" "$$root$(SYSUSERSDIR)" "$$root$(TMPFILESDIR)" \
		"$$root$(MODELSDIR)" "$$root$(SYSCONFDIR)/evidenced"; \
	$(INSTALL) -m 0755 "$$bin" "$$root$(BINDIR)/evidenced"; \
	sed -e 's#/usr/local/bin/evidenced#$(BINDIR)/evidenced#' -e 's#/etc/evidenced/evidenced.toml#$(SYSCONFDIR)/evidenced/evidenced.toml#' \
		systemd/evidenced.service > "$$root$(UNITDIR)/evidenced.service.tmp"; \
	chmod 0644 "$$root$(UNITDIR)/evidenced.service.tmp"; \
	mv -f "$$root$(UNITDIR)/evidenced.service.tmp" "$$root$(UNITDIR)/evidenced.service"; \
	sed -e 's#/usr/local/bin/evidenced#$(BINDIR)/evidenced#' -e 's#/etc/evidenced/evidenced.toml#$(SYSCONFDIR)/evidenced/evidenced.toml#' \
		systemd/evidenced-web.service > "$$root$(UNITDIR)/evidenced-web.service.tmp"; \
	chmod 0644 "$$root$(UNITDIR)/evidenced-web.service.tmp"; \
	mv -f "$$root$(UNITDIR)/evidenced-web.service.tmp" "$$root$(UNITDIR)/evidenced-web.service"; \
	$(INSTALL) -m 0644 systemd/evidenced.sysusers.conf "$$root$(SYSUSERSDIR)/evidenced.conf"; \
	$(INSTALL) -m 0644 systemd/evidenced.tmpfiles.conf "$$root$(TMPFILESDIR)/evidenced.conf"; \
	if [ -d models ]; then \
		(cd models && find . -type d -exec $(INSTALL) -d -m 0755 "$$root$(MODELSDIR)/{}" \; \
			&& find . -type f -exec $(INSTALL) -m 0644 {} "$$root$(MODELSDIR)/{}" \;); \
	fi; \
	if [ -e "$$root$(SYSCONFDIR)/evidenced/evidenced.toml" ]; then \
		echo "kept existing $$root$(SYSCONFDIR)/evidenced/evidenced.toml"; \
	else \
		$(INSTALL) -m 0644 systemd/evidenced.toml "$$root$(SYSCONFDIR)/evidenced/evidenced.toml"; \
	fi; \
	if [ -z "$$root" ] && [ "$$(id -u)" = 0 ]; then \
		command -v systemd-sysusers >/dev/null && systemd-sysusers "$(SYSUSERSDIR)/evidenced.conf"; \
		command -v systemd-tmpfiles >/dev/null && systemd-tmpfiles --create "$(TMPFILESDIR)/evidenced.conf"; \
		if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	fi; \
	echo "installed evidenced into $${root:-/}: binary $(BINDIR)/evidenced, unit $(UNITDIR)/evidenced.service"

# evidenced: `make run` and `make test` on a fresh Debian 12 machine with Swift.
# Every target installs what is missing first (idempotent: apt runs only when a package is absent).

SWIFT        ?= swift
BUILD_FLAGS  ?=
# Tesseract's OpenMP must run one thread per page (see OpenMPThreads.swift); tests load it in-process.
export OMP_THREAD_LIMIT = 1

# Pen-like fonts for the synthetic hand-filled figures of scripts/handwriting_crops.py.
HANDWRITING_FONTS := fonts-dkg-handwriting fonts-breip fonts-bwht fonts-femkeklaver fonts-humor-sans \
	fonts-rufscript fonts-kristi fonts-dancingscript fonts-kaushanscript fonts-sjfonts fonts-klee
APT_PACKAGES := pkg-config libpoppler-glib-dev libcairo2-dev libtesseract-dev libleptonica-dev \
	tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd libsqlite3-dev postgresql poppler-utils qpdf \
	fonts-liberation2 python3 python3-reportlab python3-pil python3-numpy python3-fonttools \
	systemd time bc antiword libnss3-dev libnss3-tools libheif-examples \
	chromium chromium-driver wrk curl $(HANDWRITING_FONTS)

# Python packages the tests use (PyPI): `cryptography` signs the test PDFs with a throwaway CA;
# `selenium` drives headless Chromium (scripts/browser_test.py); `schemathesis` checks the API
# against its OpenAPI document (scripts/api_schema_test.py).
PY_PACKAGES  := cryptography selenium schemathesis

.PHONY: deps pydeps build run stop test webtest faultshim soak soak-nodes bench eval-real install clean

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
	@# A python3 other than Debian's (pyenv) lacks the apt modules the scripts use: the same from PyPI.
	@python3 -c "import PIL, reportlab, numpy" 2>/dev/null || python3 -m pip install --user --quiet pillow reportlab numpy \
		|| python3 -m pip install --user --quiet --break-system-packages pillow reportlab numpy

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

# The daemon's main job on the sample submissions, with the embedded SQLite store in .build/run/;
# then the service itself: demo accounts (a unit of the samples and an appraiser, their one-time
# passwords printed), the daemon watching the inbox and `evidenced serve` beside it, in the
# background (pids and logs in .build/run/). A second `make run` stops the old ones first.
RUN_DIR      := .build/run
RUN_LISTEN   ?= 127.0.0.1:8080
RUN_UNIT     ?= bato-huyen-2024
run: build stop
	@rm -rf $(RUN_DIR) && mkdir -p $(RUN_DIR)/inbox && cp -r samples/submissions/*/ $(RUN_DIR)/inbox/
	@EVIDENCED_LOG_LEVEL=notice $$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced run --once --inbox $(RUN_DIR)/inbox --data $(RUN_DIR)/data
	@bin=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced; run=$$(cd $(RUN_DIR) && pwd); \
	unit=$$(python3 -c "import json,sys; u=json.load(open(sys.argv[1]))['unit']; print(u['code'], u['level'], u['name'], sep='\t')" samples/submissions/$(RUN_UNIT)/submission.json); \
	code=$$(echo "$$unit" | cut -f1); level=$$(echo "$$unit" | cut -f2); name=$$(echo "$$unit" | cut -f3); \
	unit_pw=$$("$$bin" users add don-vi --role unit --unit "$$code" --unit-name "$$name" --level "$$level" --db "$$run/data/evidenced.sqlite" | sed 's/.*: //'); \
	appraiser_pw=$$("$$bin" users add tham-dinh --role appraiser --db "$$run/data/evidenced.sqlite" | sed 's/.*: //'); \
	EVIDENCED_LOG_LEVEL=notice setsid "$$bin" run --inbox "$$run/inbox" --data "$$run/data" >"$$run/daemon.log" 2>&1 < /dev/null & echo $$! > "$$run/daemon.pid"; \
	EVIDENCED_LOG_LEVEL=notice setsid "$$bin" serve --inbox "$$run/inbox" --data "$$run/data" --listen $(RUN_LISTEN) >"$$run/server.log" 2>&1 < /dev/null & echo $$! > "$$run/server.pid"; \
	for i in $$(seq 100); do curl -fs http://$(RUN_LISTEN)/healthz >/dev/null 2>&1 && break; \
		kill -0 $$(cat "$$run/server.pid") 2>/dev/null || { cat "$$run/server.log"; exit 1; }; sleep 0.2; done; \
	echo; echo "evidenced is serving at http://$(RUN_LISTEN)/  (logs: $(RUN_DIR)/daemon.log, $(RUN_DIR)/server.log)"; \
	echo "  unit $$code ($$name): user don-vi     password $$unit_pw"; \
	echo "  appraiser:                        user tham-dinh  password $$appraiser_pw"; \
	echo "  stop both with: make stop"

# Stops what `make run` started (by the pids it wrote, when they are still evidenced), waiting for each.
stop:
	@for name in server daemon; do f=$(RUN_DIR)/$$name.pid; [ -f $$f ] || continue; pid=$$(cat $$f); \
		if kill -0 $$pid 2>/dev/null && grep -q evidenced /proc/$$pid/cmdline; then kill -TERM $$pid; \
			for i in $$(seq 50); do kill -0 $$pid 2>/dev/null || break; sleep 0.2; done; \
			kill -0 $$pid 2>/dev/null && kill -KILL $$pid; echo "stopped $$name ($$pid)"; fi; \
		rm -f $$f; done

# The Swift tests, then the live service's: a real browser, the API against its OpenAPI document,
# upload abuse (scripts/*_test.py, on the binary `swift test` just built).
test: deps pydeps
	$(SWIFT) test $(BUILD_FLAGS)
	@$(MAKE) --no-print-directory webtest

webtest: deps pydeps
	$(SWIFT) build $(BUILD_FLAGS) --product evidenced
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/browser_test.py
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/browser_review_test.py
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/browser_season_test.py
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/api_schema_test.py
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/upload_abuse_test.py
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/attack_test.py
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/image_flood_test.py
	@$(MAKE) --no-print-directory faultshim
	EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/fault_test.py

# The LD_PRELOAD shim of the fault-injection test (scripts/fault_test.py): fails the Nth write, fsync,
# rename or open under a folder with EIO or ENOSPC.
faultshim: .build/faultinject.so
.build/faultinject.so: scripts/faultinject/faultinject.c
	@mkdir -p .build
	cc -shared -fPIC -O2 -Wall -o $@ $< -ldl

# The kill soak (not part of `make test`: about 25 minutes): the daemon killed with -9 at SOAK_KILLS
# (1000) random moments; nothing lost, nothing doubled, no worker left behind.
SOAK_KILLS ?= 1000
soak: deps pydeps
	$(SWIFT) build $(BUILD_FLAGS) --product evidenced
	SOAK_KILLS=$(SOAK_KILLS) EVIDENCED_BIN=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/evidenced python3 scripts/soak_test.py

# Three nodes on one PostgreSQL, longer than `make test`'s (60 submissions, 10 kills): NODES_SUBMISSIONS
# (240) generated submissions, a node killed with -9 up to NODES_KILLS (60) times at random moments
# while work remains, each started again; the outcome compared with one node alone on SQLite
# (ThreeNodesTests; NODES_SEED picks other moments).
NODES_SUBMISSIONS ?= 240
NODES_KILLS ?= 60
NODES_SEED ?= 20261207
soak-nodes: deps
	EVIDENCED_NODES_SUBMISSIONS=$(NODES_SUBMISSIONS) EVIDENCED_NODES_KILLS=$(NODES_KILLS) EVIDENCED_NODES_SEED=$(NODES_SEED) \
		$(SWIFT) test $(BUILD_FLAGS) --filter ThreeNodesTests

bench: deps
	$(SWIFT) build -c release
	scripts/bench.sh $$($(SWIFT) build -c release --show-bin-path)/evidenced

# The labelled real documents of ../shared/real (not part of `make test`: it needs that folder).
REAL_DIR ?= ../shared/real
eval-real: pydeps
	@test -f $(REAL_DIR)/score.py || { echo "eval-real needs $(REAL_DIR) (the labelled real documents)"; exit 1; }
	$(SWIFT) build -c release
	python3 $(REAL_DIR)/score.py --bin $$($(SWIFT) build -c release --show-bin-path)/evidenced --verbose
	python3 scripts/handwriting_measure.py --bin $$($(SWIFT) build -c release --show-bin-path)/evidenced
	python3 scripts/figure_classifier.py --bin $$($(SWIFT) build -c release --show-bin-path)/evidenced --real $(REAL_DIR) measure

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
	sed -e 's#/usr/local/bin/evidenced#$(BINDIR)/evidenced#' -e 's#/etc/evidenced/evidenced.toml#$(SYSCONFDIR)/evidenced/evidenced.toml#' \
		systemd/evidenced@.service > "$$root$(UNITDIR)/evidenced@.service.tmp"; \
	chmod 0644 "$$root$(UNITDIR)/evidenced@.service.tmp"; \
	mv -f "$$root$(UNITDIR)/evidenced@.service.tmp" "$$root$(UNITDIR)/evidenced@.service"; \
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

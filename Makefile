# Digipuls: the two commands of the README, and the rest.
#   make demo    install what is missing, build, create the demo database, serve on :8080
#   make test    install what the tests need, build, run every test
BUILD ?= build
DB ?= digipuls.db
PORT ?= 8080
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps build demo serve test unit browser bench install clean

all: build

deps:
	@scripts/install-deps.sh

# The product alone: no tests, no benchmarks (GoogleTest is not needed).
build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIGIPULS_BUILD_TESTS=OFF -DDIGIPULS_BUILD_BENCHMARKS=OFF > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/digipuls $(DB) $(PORT)

serve: build
	@$(BUILD)/digipuls serve --db $(DB) --port $(PORT)

# Warnings are errors here: this is what CI runs (.ci/run). Then the sanitizer build of the pure
# modules' unit tests (scripts/sanitize.sh, docs/testing.md).
test:
	@scripts/install-deps.sh --test
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIGIPULS_BUILD_TESTS=ON -DDIGIPULS_BUILD_BENCHMARKS=OFF -DDIGIPULS_WERROR=ON > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@scripts/test.sh $(BUILD)
	@scripts/sanitize.sh $(BUILD)-sanitize

unit:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIGIPULS_BUILD_TESTS=ON > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@cd $(BUILD) && ctest --output-on-failure --no-tests=error -j$(JOBS)

bench: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIGIPULS_BUILD_BENCHMARKS=ON > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@bench/run.sh $(BUILD)

# The program, the systemd unit (sandboxed, docs/operations.md) and, when none is there yet, the
# documented config file; on a live system (no DESTDIR) also the user `digipuls`. Then:
#   edit /etc/digipuls/digipuls.yaml; sudo -u digipuls digipuls init --db /var/lib/digipuls/digipuls.db
#   systemctl daemon-reload && systemctl enable --now digipuls
install: build
	install -D -m 0755 $(BUILD)/digipuls $(DESTDIR)$(PREFIX)/bin/digipuls
	install -d -m 0755 $(DESTDIR)/etc/systemd/system
	sed 's|@PREFIX@|$(PREFIX)|g' packaging/digipuls.service > $(DESTDIR)/etc/systemd/system/digipuls.service
	chmod 0644 $(DESTDIR)/etc/systemd/system/digipuls.service
	@if [ -e $(DESTDIR)/etc/digipuls/digipuls.yaml ]; then \
	  echo "kept $(DESTDIR)/etc/digipuls/digipuls.yaml (the shipped one is packaging/digipuls.yaml)"; \
	else install -D -m 0640 packaging/digipuls.yaml $(DESTDIR)/etc/digipuls/digipuls.yaml; fi
	install -D -m 0644 docs/operations.md $(DESTDIR)$(PREFIX)/share/doc/digipuls/operations.md
	install -D -m 0644 docs/security.md $(DESTDIR)$(PREFIX)/share/doc/digipuls/security.md
	@if [ -z "$(DESTDIR)" ] && ! getent passwd digipuls > /dev/null; then \
	  useradd --system --home-dir /var/lib/digipuls --no-create-home --shell /usr/sbin/nologin digipuls; fi
	@if [ -z "$(DESTDIR)" ] && getent group digipuls > /dev/null; then chgrp digipuls /etc/digipuls/digipuls.yaml; fi

clean:
	rm -rf $(BUILD)

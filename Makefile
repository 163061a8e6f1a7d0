# Digipuls: the two commands of the README, and the rest.
#   make demo    install what is missing, build, create the demo database, serve on :8080
#   make test    install what the tests need, build, run every test
BUILD ?= build
DB ?= digipuls.db
PORT ?= 8080
JOBS ?= $(shell nproc)

.PHONY: all deps build demo serve test unit browser bench clean

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

clean:
	rm -rf $(BUILD)

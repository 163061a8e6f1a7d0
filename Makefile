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

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/digipuls $(DB) $(PORT)

serve: build
	@$(BUILD)/digipuls serve --db $(DB) --port $(PORT)

test:
	@scripts/install-deps.sh --test
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@scripts/test.sh $(BUILD)

unit: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)

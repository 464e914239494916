# Two commands set everything up on a fresh machine with Python 3.11:
#   make demo   # venv + spinlens, then analyse the sample op-ed on the bundled model
#   make test   # venv + dev and train extras, then the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
# torch is installed on its own, pinned, before anything that depends on it: a resolver left to choose
# would pull a multi-GB CUDA build. Runtime installs never need it (inference is onnxruntime).
TORCH := torch==2.13.0

.PHONY: demo test bench lint install dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e '.[dev,train,ray]'
	touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime

dev: $(VENV)/.dev

demo: $(VENV)/.runtime
	$(BIN)/spinlens analyze examples/op-ed-war.txt --format text --color

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

# Each bench script writes its own section under benchmarks/; BENCHMARKS.md is their concatenation.
BENCH_SECTIONS := techniques claims quotes web batch
# Another host's figures go in a folder of their own (make bench BENCH_DIR=benchmarks/NAME), beside these.
BENCH_DIR ?= benchmarks
BENCH_ALL := $(if $(filter benchmarks,$(BENCH_DIR)),BENCHMARKS.md,$(BENCH_DIR)/BENCHMARKS.md)
bench: $(VENV)/.dev
	@for section in $(BENCH_SECTIONS); do \
		$(BIN)/python scripts/bench_$$section.py --data ../shared/data --out $(BENCH_DIR)/$$section.md || exit 1; \
	done
	cat $(foreach s,$(BENCH_SECTIONS),$(BENCH_DIR)/$(s).md) > $(BENCH_ALL)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache

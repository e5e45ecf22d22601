# Dossier: `make html` builds the site, `make test` runs every test. Both set up their own
# pinned virtualenv first. Variables as in pelican-quickstart's Makefile; every target
# honours INPUTDIR, OUTPUTDIR and CONFFILE, e.g. `make html OUTPUTDIR=/tmp/site`.
PY ?= python3
BASEDIR = $(CURDIR)
INPUTDIR ?= $(BASEDIR)/content
OUTPUTDIR ?= $(BASEDIR)/output
CONFFILE ?= $(BASEDIR)/pelican.conf.py
PUBLISHCONF ?= $(BASEDIR)/publishconf.py
VENV ?= $(BASEDIR)/.venv
PELICAN = $(VENV)/bin/pelican
PELICANOPTS ?=
PORT ?= 8000

# Plain log lines ("file:line: message"), one per problem, read better than columns.
PELICAN_RUN = $(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --log-handler plain $(PELICANOPTS)

.PHONY: help html check test fixtures benchmark devserver serve publish clean env test-env

help:
	@echo 'make html        build the site into $$(OUTPUTDIR) (default ./output)'
	@echo 'make check       strict build: lists every problem, fails on any warning'
	@echo 'make test        run the whole test suite'
	@echo 'make fixtures    regenerate the regression fixtures after an intended change'
	@echo 'make devserver   serve on http://localhost:$(PORT) and rebuild on every change'
	@echo 'make publish     strict production build with publishconf.py'
	@echo 'make benchmark   issue 8 benchmark against vanilla Pelican (BENCHOPTS=--quick for a small run)'
	@echo 'make clean       delete $$(OUTPUTDIR)'

# The environment: rebuilt whenever a pin changes.
$(VENV)/.runtime: requirements.txt
	test -x "$(VENV)/bin/python" || $(PY) -m venv "$(VENV)"
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch "$@"

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch "$@"

env: $(VENV)/.runtime
test-env: $(VENV)/.dev

html: env
	$(PELICAN_RUN)

# Strict through the environment, not `-e`: Pelican keeps only the last `-e` it is given, so
# `-e DOSSIER_STRICT=true` would drop the settings of an `-e` in PELICANOPTS, or they it.
check: env
	DOSSIER_STRICT=true $(PELICAN_RUN)

publish: env
	DOSSIER_STRICT=true $(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" --log-handler plain $(PELICANOPTS)

devserver: env
	$(PELICAN_RUN) --listen --autoreload -p $(PORT)

serve: env
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT)

test: test-env
	bash tests/quality/install-tools.sh
	DOSSIER_INPUTDIR="$(INPUTDIR)" DOSSIER_CONFFILE="$(CONFFILE)" DOSSIER_OUTPUTDIR="$(OUTPUTDIR)" \
		"$(VENV)/bin/python" -m pytest $(PYTESTOPTS)

fixtures: test-env
	DOSSIER_INPUTDIR="$(INPUTDIR)" DOSSIER_CONFFILE="$(CONFFILE)" DOSSIER_OUTPUTDIR="$(OUTPUTDIR)" \
		"$(VENV)/bin/python" -m pytest tests/regression --force-regen $(PYTESTOPTS) || true
	"$(VENV)/bin/python" -m pytest tests/regression $(PYTESTOPTS)

# The benchmark (not part of `make test`): a synthetic dossier against vanilla Pelican.
benchmark: test-env
	"$(VENV)/bin/python" tests/benchmark/bench.py $(BENCHOPTS)

# Deletes only an output folder that holds neither the content nor this repository.
clean:
	@out=$$(realpath -m "$(OUTPUTDIR)"); in=$$(realpath -m "$(INPUTDIR)"); \
	case "$$in/" in "$$out"/*) echo "refusing to delete $$out: it holds the content" >&2; exit 2;; esac; \
	case "$(BASEDIR)/" in "$$out"/*) echo "refusing to delete $$out: it holds the repository" >&2; exit 2;; esac; \
	rm -rf "$$out"

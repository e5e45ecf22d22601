"""Production settings: pelican.conf.py with the site's public address. `make publish` uses it.

The address comes from the environment variable SITEURL (in CI, the repository variable
`vars.SITEURL`), e.g. https://example.org/dossier. It is needed wherever an absolute URL is:
canonical links, Open Graph, the sitemap, robots.txt and the Atom feed. Links between pages
stay relative (RELATIVE_URLS), so the site also works from a sub-path or from disk.
"""

import os
import runpy
import sys
from pathlib import Path

# pelican.conf.py cannot be imported by name (its name has a dot), so run it and take its
# settings; Pelican only reads upper-case names.
globals().update(
    (name, value)
    for name, value in runpy.run_path(str(Path(__file__).with_name("pelican.conf.py"))).items()
    if name.isupper()
)

SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    # A SystemExit, so the editor sees this sentence and no traceback.
    sys.exit(
        "publishconf.py: set SITEURL to the site's public address, e.g. "
        "SITEURL=https://example.org/dossier make publish (in CI: the repository variable SITEURL)"
    )

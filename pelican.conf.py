"""Pelican settings for the dossier. `pelican -s pelican.conf.py` builds the site into output/.

The site is made entirely by the dossier plugin (plugins/dossier): Pelican's own article and
page generators have nothing to read, and its feeds are produced by the plugin.
"""

from jinja2 import StrictUndefined

AUTHOR = "Dossier editors"
SITENAME = "Iran’s withdrawal from Syria, 2020–2024"
DOSSIER_DESCRIPTION = (
    "An annotated dossier of five news articles on Iran’s military drawdown in Syria, from "
    "Israeli claims of a withdrawal in May 2020 to the evacuation of Iranian commanders in "
    "December 2024: cleaned texts, the people, organisations and places they name, a master "
    "chronology, and editors’ notes on what each source says and leaves unsaid."
)
# Links between pages are relative, so the site works from any sub-path and when opened from
# disk. SITEURL is only used where an absolute URL is required: canonical links, Open Graph,
# the sitemap and feeds. publishconf.py sets the production one.
SITEURL = "http://localhost:8000"
RELATIVE_URLS = True

PATH = "content"
OUTPUT_PATH = "output"
THEME = "themes/dossier"
THEME_STATIC_PATHS = []  # the plugin publishes the theme's assets with content hashes
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["dossier"]

# The plugin reads content/ itself; Pelican's generators get nothing to read or write.
ARTICLE_PATHS = []
PAGE_PATHS = []
STATIC_PATHS = []
DIRECT_TEMPLATES = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

JINJA_ENVIRONMENT = {
    "autoescape": True,
    "undefined": StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
}

OG_LOCALE = "en_GB"
# Pagefind indexes the site at the end of every build (output/pagefind/).
DOSSIER_SEARCH = True
# Any problem fails the build, after all of them are listed. `make check` and `make publish`
# turn it on through the environment variable of the same name.
DOSSIER_STRICT = False
# The warm-build cache (see README, "Warm builds"): one file per content folder, in CACHE_PATH.
DOSSIER_CACHE = True
CACHE_PATH = ".cache/pelican"

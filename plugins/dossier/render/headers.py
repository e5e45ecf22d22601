"""The `_headers` file that Netlify and Cloudflare Pages apply to the published site.

Every response gets a strict Content-Security-Policy that the site satisfies: it runs no inline
script or style and loads nothing from another origin. Files whose names carry a hash of their
bytes are cached for a year. GitHub Pages ignores this file and sends its own headers.

Both hosts apply *every* rule whose path matches, and Cloudflare joins two values of one header
with a comma, so no header may appear in two rules that match the same file. That is why HTML
and other files with stable names get no `Cache-Control` of ours: both hosts already send
`public, max-age=0, must-revalidate` for them, so a new build is seen at once.
"""

from __future__ import annotations

IMMUTABLE = "public, max-age=31536000, immutable"

# Folders whose files are named after a hash of their content, so a changed file gets a new
# name: theme assets (assets.py) and Pagefind's index chunks, filters and fragments. Pagefind's
# entry file, scripts and WebAssembly keep their names across builds and are not listed.
FINGERPRINTED = ("/theme/*", "/pagefind/filter/*", "/pagefind/fragment/*", "/pagefind/index/*")

# Only what the site needs; everything else falls back to default-src 'self' or is forbidden.
POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self'"),
    ("object-src", "'none'"),
    # Not covered by default-src: pin them too, so injected markup cannot redirect the page.
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)

# Pagefind compiles its WebAssembly search engine (allowed by 'wasm-unsafe-eval' alone, not by
# 'unsafe-eval'), and its stylesheet draws icons as data: SVG masks.
SEARCH_SOURCES = {"script-src": "'wasm-unsafe-eval'", "img-src": "data:"}

SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate it
    # Readers who follow a link to a news site do not tell it which page they came from.
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), geolocation=(), microphone=(), payment=(), usb=()"),
)


def content_security_policy(*, search: bool) -> str:
    directives = []
    for name, sources in POLICY:
        if search and name in SEARCH_SOURCES:
            sources = f"{sources} {SEARCH_SOURCES[name]}"
        directives.append(f"{name} {sources}")
    return "; ".join(directives)


def rule(path: str, headers: tuple[tuple[str, str], ...]) -> str:
    return path + "\n" + "".join(f"  {name}: {value}\n" for name, value in headers)


def headers_file(*, search: bool) -> str:
    """The text of `_headers`; `search` says whether the site ships Pagefind (DOSSIER_SEARCH)."""
    policy = ("Content-Security-Policy", content_security_policy(search=search))
    everything = rule("/*", (policy, *SECURITY_HEADERS))
    cached = [rule(path, (("Cache-Control", IMMUTABLE),)) for path in FINGERPRINTED]
    return "\n".join([everything, *cached])

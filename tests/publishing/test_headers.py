"""The `_headers` file: a strict Content-Security-Policy that the built site satisfies, the other
security headers, and year-long caching for exactly the files whose names carry a content hash."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pelican.settings import read_settings

from dossier.render.headers import IMMUTABLE, headers_file
from tests.conftest import CONFFILE


def parse(text: str) -> list[tuple[str, dict[str, str]]]:
    """(path pattern, {header: value}) for each rule, in order, as Netlify and Cloudflare read it."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("/"):
            rules.append((line.strip(), {}))
        else:
            assert line.startswith("  ") and rules, f"a header line outside a rule: {line!r}"
            name, _, value = line.strip().partition(": ")
            assert name not in rules[-1][1], f"{name} twice in the rule for {rules[-1][0]}"
            rules[-1][1][name] = value
    return rules


def policy(headers: dict[str, str]) -> dict[str, list[str]]:
    directives = (d.split() for d in headers["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def matches(pattern: str, url: str) -> bool:
    """A rule's path against a URL path: `*` stands for any characters, `/` included."""
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), url) is not None


@pytest.fixture(params=[True, False], ids=["with search", "without search"])
def rules(request):
    return parse(headers_file(search=request.param))


def everywhere(rules) -> dict[str, str]:
    (headers,) = [h for path, h in rules if path == "/*"]
    return headers


def test_the_policy_allows_only_the_site_itself(rules):
    csp = policy(everywhere(rules))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"][0] == "'self'" and csp["style-src"] == ["'self'"]
    for name in ("object-src", "frame-ancestors"):
        assert csp[name] == ["'none'"], name
    for name in ("base-uri", "form-action"):
        assert csp[name] == ["'self'"], name
    sources = {source for values in csp.values() for source in values}
    assert not sources & {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"}, sources
    assert sources <= {"'self'", "'none'", "'wasm-unsafe-eval'", "data:"}, sources


def test_search_needs_webassembly_and_data_images_and_nothing_more():
    with_search, without = (policy(everywhere(parse(headers_file(search=s)))) for s in (True, False))
    assert with_search["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert with_search["img-src"] == ["'self'", "data:"]
    assert without["script-src"] == ["'self'"] and without["img-src"] == ["'self'"]
    assert {k: v for k, v in with_search.items() if k not in ("script-src", "img-src")} == {
        k: v for k, v in without.items() if k not in ("script-src", "img-src")
    }


def test_every_file_gets_the_other_security_headers(rules):
    headers = everywhere(rules)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    private = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    assert headers["Referrer-Policy"] in private
    assert all(re.fullmatch(r"[a-z-]+=\(\)", item) for item in headers["Permissions-Policy"].split(", "))


def test_no_header_is_set_twice_for_one_file(rules):
    # Both hosts apply every matching rule, and Cloudflare would join two Cache-Control values.
    for path, headers in rules:
        for other, other_headers in rules:
            if path != other and (matches(path, other) or matches(other, path)):
                assert not headers.keys() & other_headers.keys(), (path, other)


def test_the_file_fits_the_hosts_limits(rules):
    text = headers_file(search=True)
    assert len(rules) <= 100 and max(map(len, text.splitlines())) < 2000  # Cloudflare's limits
    assert text.endswith("\n") and "\t" not in text


# The built site against the headers.


def urls(site: Path) -> dict[str, Path]:
    return {"/" + p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def headers_for(rules, url: str) -> dict[str, str]:
    return {name: value for path, headers in rules if matches(path, url) for name, value in headers.items()}


def test_the_built_site_publishes_this_file(site):
    published = site / "_headers"
    assert published.is_file(), "the build writes no _headers: site_files() must include headers_file()"
    assert published.read_text() == headers_file(search=(site / "pagefind").is_dir())


def test_only_files_named_after_their_content_are_cached_for_a_year(site):
    rules = parse(headers_file(search=True))
    files = urls(site)
    immutable = sorted(url for url in files if headers_for(rules, url).get("Cache-Control") == IMMUTABLE)
    assert any(url.startswith("/theme/css/dossier.") for url in immutable)
    assert any(url.startswith("/pagefind/fragment/") for url in immutable)
    for url in immutable:
        path = files[url]
        if url.startswith("/theme/"):
            # assets.py: theme/<name>.<first 12 hex digits of the SHA-256 of its bytes>.<suffix>
            assert path.name.split(".")[-2] == hashlib.sha256(path.read_bytes()).hexdigest()[:12], url
        else:
            # Pagefind names its chunks after a hash of their content.
            assert re.fullmatch(r"/pagefind/(filter|fragment|index)/\w+_[0-9a-f]{7,}\.pf_\w+", url), url


class ResourceCollector(HTMLParser):
    """What a page makes the browser load or run, and any inline script or style."""

    FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.inline: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.inline += [f"<{tag} {name}>" for name in attributes if name == "style" or name.startswith("on")]
        if tag in {"style", "iframe", "object", "embed", "frame"}:
            self.inline.append(f"<{tag}>")
        if tag == "script":
            if "src" in attributes:
                self.loads.append(attributes["src"])
            elif attributes.get("type") not in {"application/json", "application/ld+json"}:
                self.inline.append("<script> without src")
        if tag in {"img", "source", "audio", "video", "track", "input"} and "src" in attributes:
            self.loads.append(attributes["src"])
        if tag == "link" and set((attributes.get("rel") or "").split()) & self.FETCHED_LINKS:
            self.loads.append(attributes["href"])
        for name in ("href", "src", "action", "formaction"):
            if (attributes.get(name) or "").strip().lower().startswith("javascript:"):
                self.inline.append(f"<{tag} {name}=javascript:>")


def same_origin(url: str, site_url: str = "") -> bool:
    """Relative, or under the site's own address (the 404 page links absolutely: any path shows it)."""
    relative = not re.match(r"^([a-z][a-z0-9+.-]*:|//)", url, re.IGNORECASE)
    return relative or (bool(site_url) and url.startswith(site_url.rstrip("/") + "/"))


def test_every_page_satisfies_the_policy(site):
    site_url = read_settings(str(CONFFILE))["SITEURL"]
    for url, path in urls(site).items():
        if url.endswith(".html"):
            page = ResourceCollector()
            page.feed(path.read_text())
            assert not page.inline, f"{url}: inline code or styles the policy blocks: {page.inline}"
            elsewhere = [load for load in page.loads if not same_origin(load, site_url)]
            assert not elsewhere, f"{url} loads from elsewhere: {elsewhere}"


def test_stylesheets_load_only_own_files_and_data_images(site):
    csp = policy(everywhere(parse(headers_file(search=(site / "pagefind").is_dir()))))
    for url, path in urls(site).items():
        if url.endswith(".css"):
            css = path.read_text()
            for target in re.findall(r"""url\(\s*['"]?([^'")\s]+)""", css):
                assert same_origin(target) or (target.startswith("data:image/") and "data:" in csp["img-src"]), (
                    f"{url} loads {target[:60]}"
                )
            assert not re.search(r"@import\s+(url\()?['\"]?([a-z]+:|//)", css), f"{url} imports from elsewhere"

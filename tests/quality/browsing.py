"""One visit of a built page in the shared tab, and what it records for the browser gates:
console errors, every request made, axe-core's violations in light and dark mode, and the page's
width at 320 px."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Page, Request

DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
COLOR_SCHEMES = ("light", "dark")
# axe-core lists every failing element; a few are enough to find the rule's cause.
SHOWN_TARGETS = 5


def keep_local(context: BrowserContext, base_url: str) -> None:
    """Aborts every request to anything but the local server: a stray one then fails its gate at
    once instead of waiting on the network, and nothing leaves the machine."""
    context.route(re.compile(f"^(?!{re.escape(base_url)})"), lambda route: route.abort())


@dataclass(frozen=True)
class Visit:
    page: str
    console_errors: tuple[str, ...]
    requests: tuple[str, ...]
    violations: dict[str, tuple[dict, ...]]  # colour scheme -> axe-core violations
    width_at_320: int


def visit(tab: Page, base_url: str, page: str, axe_script: Path) -> Visit:
    console_errors: list[str] = []
    requests: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location
            console_errors.append(f"{message.text} ({location['url']}:{location['lineNumber']})")

    def on_page_error(error: Error) -> None:
        console_errors.append(f"uncaught {error.name}: {error.message}")

    def on_request(request: Request) -> None:
        requests.append(request.url)

    tab.on("console", on_console)
    tab.on("pageerror", on_page_error)
    tab.on("request", on_request)
    try:
        tab.set_viewport_size(DESKTOP)
        tab.emulate_media(color_scheme="light")
        # networkidle: requests a script makes after "load" (the search index) count too.
        tab.goto(base_url + page, wait_until="networkidle")
        tab.add_script_tag(path=axe_script)
        violations = {scheme: axe_violations(tab, scheme) for scheme in COLOR_SCHEMES}
        tab.set_viewport_size(NARROW)
        width = tab.evaluate("document.scrollingElement.scrollWidth")
    finally:
        tab.remove_listener("console", on_console)
        tab.remove_listener("pageerror", on_page_error)
        tab.remove_listener("request", on_request)
    return Visit(page, tuple(console_errors), tuple(requests), violations, width)


def axe_violations(tab: Page, scheme: str) -> tuple[dict, ...]:
    tab.emulate_media(color_scheme=scheme)
    # Passes and incomplete results are not reported, so axe need not detail them.
    return tuple(tab.evaluate("axe.run({resultTypes: ['violations']}).then(results => results.violations)"))


def describe(page: str, scheme: str, violation: dict) -> str:
    """A violation as a reader can act on it: page, mode, rule, impact, and the failing elements."""
    nodes = violation["nodes"]
    lines = [f"{page} [{scheme}] {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"]
    for node in nodes[:SHOWN_TARGETS]:
        summary = " ".join(node.get("failureSummary", "").split())
        lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    if len(nodes) > SHOWN_TARGETS:
        lines.append(f"    … and {len(nodes) - SHOWN_TARGETS} more")
    return "\n".join(lines)

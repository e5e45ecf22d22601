"""Theme assets with content hashes in their names, so they can be cached for a year.

All stylesheets in the theme's static/css/ are joined into one file: base.css first (the colours
and layout the others build on), print.css last (so print rules win), the rest in name order.
Other static files (scripts, images) are copied. Each published name carries a hash of its bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

STYLESHEET = "css/dossier.css"


def fingerprinted(name: str, data: bytes) -> str:
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{dot}{suffix}"


def stylesheet_order(path: Path) -> tuple[int, str]:
    return ({"base.css": 0, "print.css": 2}.get(path.name, 1), path.name)


def theme_assets(static: Path) -> dict[str, tuple[str, bytes]]:
    """Logical name (e.g. "css/dossier.css") -> (output-relative path, bytes)."""
    assets: dict[str, tuple[str, bytes]] = {}
    if not static.is_dir():
        return assets
    sheets = sorted((static / "css").glob("*.css"), key=stylesheet_order)
    css = b"\n".join(p.read_bytes() for p in sheets)
    assets[STYLESHEET] = (f"theme/{fingerprinted(STYLESHEET, css)}", css)
    for path in sorted(static.rglob("*"), key=lambda p: p.as_posix()):
        name = path.relative_to(static).as_posix()
        if path.is_file() and not name.startswith("css/"):
            data = path.read_bytes()
            assets[name] = (f"theme/{fingerprinted(name, data)}", data)
    return assets

"""Problems found while building: every one names a file and, where there is one, a line.

Stages never raise on bad input and never log directly: they return `Problem`s, and the
Pelican glue reports them all at the end of the build (and fails it under `make check`).
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str  # content-relative path, e.g. "notes/000_fa7f6ba4e0365f97.md"
    line: int | None
    severity: str  # ERROR or WARNING
    message: str

    def __lt__(self, other: Problem) -> bool:
        """By file, then line (a problem of the whole file first), then the rest."""
        return (self.path, self.line or 0, self.severity, self.message) < (other.path, other.line or 0, other.severity, other.message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


def error(path: str, message: str, line: int | None = None) -> Problem:
    return Problem(path, line, ERROR, message)


def warning(path: str, message: str, line: int | None = None) -> Problem:
    return Problem(path, line, WARNING, message)

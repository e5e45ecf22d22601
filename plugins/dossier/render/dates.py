"""Dates as readers read them: "23 May 2024", "December 2024", "2024"."""

from __future__ import annotations

import datetime


def human_date(iso: str | None, precision: str | None) -> str:
    if iso is None:
        return "undated"
    if precision == "day":
        day = datetime.date.fromisoformat(iso)
        return f"{day.day} {day:%B %Y}"
    if precision == "month":
        return f"{datetime.date.fromisoformat(iso + '-01'):%B %Y}"
    return iso

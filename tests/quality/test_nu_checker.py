"""The W3C Nu HTML checker (npm vnu-jar) finds no error on any page: one Java run for them all."""

from __future__ import annotations

import json
import subprocess
from urllib.parse import unquote, urlsplit

import pytest

from .report import fail_if_any
from .tools import VNU_JAR, require_file, require_java


def test_nu_html_checker_reports_no_error(site, pages):
    java = require_java()
    jar = require_file(VNU_JAR, "the Nu HTML checker (npm vnu-jar)")
    files = {str(site / page): page for page in pages}
    # --stdout keeps the JSON apart from anything Java itself prints on stderr.
    command = [java, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout", *files]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu HTML checker gave no JSON report (exit {result.returncode}):\n{result.stderr}")

    def located(message: dict) -> str:
        file = unquote(urlsplit(message.get("url", "")).path)
        where = f"{files.get(file, message.get('url', '?'))}:{message.get('lastLine', '?')}"
        return f"{where}: {message['message']}\n    {message.get('extract', '').strip()}"

    errors = sorted(located(message) for message in messages)
    fail_if_any(errors, "Nu HTML checker error(s)")

"""The CI/deploy workflow: actionlint accepts it, and it keeps the properties the site relies on
(tests on every push and pull request; on main a strict build with the production address,
deployed to GitHub Pages), so a later edit cannot silently drop one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
INSTALL_TOOLS = REPO / "tests" / "publishing" / "install-tools.sh"
ACTIONLINT = REPO / "tests" / "publishing" / "actionlint.cjs"


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


@pytest.fixture(scope="module")
def workflow() -> dict:
    files = workflow_files()
    assert len(files) == 1, f"expected one workflow in {WORKFLOWS}, found {[f.name for f in files]}"
    return yaml.safe_load(files[0].read_text())


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    return {name: None for name in on} if isinstance(on, list) else dict(on)


def only_job(workflow: dict, wanted, what: str) -> tuple[str, dict]:
    found = [(name, job) for name, job in workflow["jobs"].items() if any(wanted(step) for step in job["steps"])]
    assert len(found) == 1, f"expected one job that {what}, found {[name for name, _ in found]}"
    return found[0]


def job_running(workflow: dict, command: str) -> tuple[str, dict]:
    return only_job(workflow, lambda step: command in step.get("run", ""), f"runs `{command}`")


def uses(step: dict, action: str) -> bool:
    return step.get("uses", "").split("@")[0] == action


def job_using(workflow: dict, action: str) -> tuple[str, dict]:
    return only_job(workflow, lambda step: uses(step, action), f"uses {action}")


def step_using(job: dict, action: str) -> tuple[int, dict]:
    found = [(i, step) for i, step in enumerate(job["steps"]) if uses(step, action)]
    assert len(found) == 1, f"expected one step that uses {action}"
    return found[0]


def needed(job: dict) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else needs


def test_actionlint_accepts_the_workflows():
    files = workflow_files()
    assert files, f"no workflow in {WORKFLOWS}"
    installed = subprocess.run(["bash", str(INSTALL_TOOLS)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, f"{INSTALL_TOOLS.name} failed:\n{installed.stderr}"
    command = ["node", str(ACTIONLINT), installed.stdout.strip(), *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_every_push_and_pull_request_runs_the_tests(workflow):
    on = triggers(workflow)
    for event in ("push", "pull_request"):
        assert event in on, f"the workflow does not run on {event}"
        assert not (on[event] or {}).keys() & {"branches", "branches-ignore", "paths", "paths-ignore", "tags"}, (
            f"{event} is limited to some branches or paths: every change must be tested"
        )
    name, job = job_running(workflow, "make test")
    assert "if" not in job and not needed(job), f"job {name} must run unconditionally"


def test_main_is_built_strictly_with_the_production_address(workflow):
    test_job, _ = job_running(workflow, "make test")
    name, job = job_running(workflow, "make publish")
    condition = re.sub(r"\s+", " ", job.get("if", ""))
    assert "github.event_name == 'push'" in condition and "github.ref == 'refs/heads/main'" in condition, (
        f"job {name} must run only for a push to main, not: {condition!r}"
    )
    assert test_job in needed(job), f"job {name} must wait for the tests ({test_job})"
    (publish,) = [s for s in job["steps"] if "make publish" in s.get("run", "")]
    assert re.fullmatch(r"\$\{\{\s*vars\.SITEURL\s*\}\}", publish.get("env", {}).get("SITEURL", "")), (
        "`make publish` must take SITEURL from the repository variable vars.SITEURL"
    )


def test_make_publish_is_the_strict_production_build():
    makefile = (REPO / "Makefile").read_text()
    recipe = re.search(r"^publish:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no `publish` target"
    assert "$(PUBLISHCONF)" in recipe[1] and "DOSSIER_STRICT=true" in recipe[1], recipe[1]
    assert re.search(r"^PUBLISHCONF\s*\??=.*/publishconf\.py\s*$", makefile, re.MULTILINE)


def test_the_strict_build_is_deployed_to_github_pages(workflow):
    build_name, build = job_running(workflow, "make publish")
    publish = next(i for i, s in enumerate(build["steps"]) if "make publish" in s.get("run", ""))
    configure, _ = step_using(build, "actions/configure-pages")
    upload, upload_step = step_using(build, "actions/upload-pages-artifact")
    assert configure < publish < upload, "configure Pages, build, then upload the built site"
    assert upload_step.get("with", {}).get("path") == "output", "the artifact must be the built site, output/"

    name, deploy = job_using(workflow, "actions/deploy-pages")
    assert build_name in needed(deploy), f"job {name} must deploy what {build_name} built, after it"
    assert deploy.get("permissions") == {"pages": "write", "id-token": "write"}, deploy.get("permissions")
    assert deploy.get("environment", {}).get("name") == "github-pages"
    concurrency = deploy.get("concurrency") or workflow.get("concurrency")
    assert concurrency and concurrency.get("cancel-in-progress") is False, (
        "deployments need a concurrency group that never cancels one in progress"
    )


def test_only_the_deploy_job_may_write(workflow):
    assert workflow.get("permissions") == {"contents": "read"}, "the default token must be read-only"
    deployer, _ = job_using(workflow, "actions/deploy-pages")
    granted = sorted(name for name, job in workflow["jobs"].items() if "permissions" in job)
    assert granted == [deployer], f"only {deployer} may have more than read access, not {granted}"


def test_pip_downloads_are_cached(workflow):
    for name, job in workflow["jobs"].items():
        if any("make " in step.get("run", "") for step in job["steps"]):
            _, cache = step_using(job, "actions/cache")
            assert ".cache/pip" in cache["with"]["path"], f"job {name}: cache pip's downloads"
            assert re.search(r"hashFiles\('requirements\.txt', 'requirements-dev\.txt'\)", cache["with"]["key"]), (
                f"job {name}: the cache must be renewed when a pin changes"
            )


def test_actions_are_pinned_to_a_version(workflow):
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", step["uses"]), (
                    f"job {name}: {step['uses']} must name a release (at least its major version) or a commit"
                )

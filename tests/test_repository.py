"""The repository around the site: hardened workflows, contributor files, and the same lint
checks that pre-commit and the pull-request workflow run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def run(*command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)


def test_zizmor_finds_nothing_without_configuration():
    assert not list(ROOT.glob("**/zizmor.y*ml")) and not list(ROOT.glob(".github/zizmor.y*ml"))
    for path in WORKFLOWS:
        assert "zizmor:" not in path.read_text(), f"{path.name} has an ignore comment"
    result = run(str(BIN / "zizmor"), "--offline", "--persona", "pedantic", ".github/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_workflows_dependabot_and_issue_forms_match_their_schemas():
    checks = [
        ("vendor.github-workflows", [str(p) for p in WORKFLOWS]),
        ("vendor.dependabot", [".github/dependabot.yml"]),
        ("vendor.github-issue-forms", sorted(str(p) for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("[!c]*.yml"))),
        ("vendor.github-issue-config", [".github/ISSUE_TEMPLATE/config.yml"]),
    ]
    for schema, files in checks:
        result = run(str(BIN / "check-jsonschema"), "--builtin-schema", schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_is_hardened(path: Path):
    text = path.read_text()
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "permissions" in job
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_deploy_publishes_only_after_build_and_tests():
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run", "") for step in build["steps"]]
    assert commands.index("make test") < commands.index("make build")
    assert build["steps"][-1]["uses"].startswith("actions/upload-pages-artifact@")
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_pull_request_workflow_runs_lint_build_and_every_test_and_uploads_a_preview():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text())
    steps = workflow["jobs"]["test"]["steps"]
    commands = " ; ".join(step.get("run", "") for step in steps)
    assert "pre-commit run --all-files" in commands and "make build" in commands and "make test" in commands
    after_lint = steps[
        [s.get("run", "") for s in steps].index(".venv/bin/pre-commit run --all-files --show-diff-on-failure") + 1 :
    ]
    assert all(step["if"] == "success() || failure()" for step in after_lint), "a lint failure must not hide the rest"
    assert steps[-1]["uses"].startswith("actions/upload-artifact@") and steps[-1]["with"]["path"] == "site-preview/"
    builders = workflow["jobs"]["builders"]
    assert builders["continue-on-error"] is True
    assert {"make build BUILDER=properdocs", "make build BUILDER=zensical"} <= {s.get("run") for s in builders["steps"]}


def test_ci_does_no_set_up_that_the_readme_commands_do_not():
    """`.ci/run` installs system packages only; `make test` sets up the rest itself."""
    ci = (ROOT / ".ci" / "run").read_text()
    assert "npm ci" not in ci and "pip install" not in ci and "venv" not in ci
    assert ci.rstrip().endswith("make test")
    readme = (ROOT / "README.md").read_text()
    assert readme.split("\n")[3:5] == [
        "make serve   # set up and serve the site on http://127.0.0.1:8000 (another port: make serve PORT=8001)",
        "make test    # set up and run every test (make test-fast: all but the browser tests)",
    ]


def test_external_links_are_checked_weekly_and_on_demand():
    workflow = yaml.safe_load((ROOT / ".github/workflows/external-links.yml").read_text())
    assert workflow[True]["schedule"] and "workflow_dispatch" in workflow[True]
    step = workflow["jobs"]["links"]["steps"][-1]
    assert step["env"]["LINKCHECK_EXTERNAL"] == "1" and step["run"] == "make build"


def test_dependabot_watches_pip_actions_and_npm():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions", "npm"}


def test_pre_commit_checks_pass():
    """ruff, codespell (with the project word list) and Markdown lint, as in pre-commit."""
    result = run(str(BIN / "pre-commit"), "run", "--all-files")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    for name in ("ruff check", "ruff format", "codespell", "Markdown lint"):
        assert re.search(rf"{name}.*Passed", result.stdout), result.stdout


def test_contributing_documents_every_quiz_option_and_every_report():
    from sitekit.quizzes import model as quiz_block

    text = (ROOT / "CONTRIBUTING.md").read_text()
    for option in quiz_block.OPTION_NAMES:
        assert f"| `{option}` |" in text, option
    for report in (
        "has no correct answer",
        "is not closed",
        "leads nowhere",
        "root-absolute",
        "differs in case",
        "raw-HTML link",
        "not in the nav",
        "has moved permanently",
    ):
        assert report in text, report


def test_contributor_files_exist():
    for name in (
        "CONTRIBUTING.md",
        "LICENSE",
        ".github/pull_request_template.md",
        ".github/ISSUE_TEMPLATE/content-correction.yml",
        ".github/ISSUE_TEMPLATE/new-topic.yml",
    ):
        assert (ROOT / name).is_file(), name
    licence = (ROOT / "LICENSE").read_text()
    assert "CC BY-SA 4.0" in licence and "MIT License" in licence


def test_every_page_has_an_edit_link_to_the_repository(built_site):
    html = (built_site.path / "ecr" / "index.html").read_text()
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/docs/ecr\.md"', html)

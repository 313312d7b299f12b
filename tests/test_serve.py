"""`mkdocs serve` rebuilds when the glossary, sitekit's code or a theme override changes, and
the rebuilt pages show the change; a mistake shows on the page itself, and goes with the fix."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def wait_without(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if text not in page:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} was still at {url} after {seconds} s")


@pytest.fixture
def served_copy(tmp_path: Path):
    for name in ("docs", "hooks", "sitekit", "overrides", "includes", "diagrams"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # The copy's sitekit, not the installed one: the test edits it.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url, "PYTHONPATH": str(tmp_path)},
    )
    try:
        wait_for(url + "ecr/", "Amazon Elastic Container Registry")
        yield tmp_path, url
    finally:
        process.terminate()
        process.wait(timeout=20)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


def test_serve_rebuilds_on_glossary_hook_and_override_changes(served_copy):
    project, url = served_copy
    edit(
        project / "includes" / "abbreviations.md",
        "*[ECR]: Amazon Elastic Container Registry",
        "*[ECR]: Amazon ECR, the registry",
    )
    wait_for(url + "ecr/", 'title="Amazon ECR, the registry"')

    edit(project / "sitekit" / "quizzes" / "render.py", '"Choose one answer."', '"Pick one answer."')
    wait_for(url + "ecr/", "Pick one answer.")

    edit(project / "overrides" / "partials" / "source.html", "{{ config.repo_name }}", "Source: {{ config.repo_name }}")
    wait_for(url + "ecr/", "Source: aws-container-services")


def test_serve_shows_a_mistake_on_its_page_and_recovers_on_the_next_save(served_copy):
    project, url = served_copy
    page = project / "docs" / "fargate.md"
    good = page.read_text()
    started = time.monotonic()
    page.write_text(good + "\n/// quiz | Which is right?\n    goal: G8\n- [ ] this\n- [ ] that\n///\n")
    line = good.count("\n") + 2
    shown = wait_for(url + "fargate/", "This page has 1 problem to fix", seconds=30)
    assert f"docs/fargate.md:{line}</code>: quiz &#34;Which is right?&#34; has no correct answer" in shown
    assert time.monotonic() - started < 30
    other = fetch(url + "ecr/")  # every page still answers, and says where the problem is
    assert "The build has 1 problem to fix" in other

    page.write_text(good)
    fixed = wait_without(url + "fargate/", "problem to fix", seconds=30)
    assert "Task sizes" in fixed

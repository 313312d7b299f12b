"""`mkdocs serve` rebuilds when the glossary, a hook helper or a theme override changes,
and the rebuilt pages show the change."""

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


@pytest.fixture
def served_copy(tmp_path: Path):
    for name in ("docs", "hooks", "overrides", "includes", "diagrams"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
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

    edit(project / "hooks" / "quiz_block.py", '"Choose one answer."', '"Pick one answer."')
    wait_for(url + "ecr/", "Pick one answer.")

    edit(project / "overrides" / "partials" / "quiz-score.html", "Reset answers", "Start again")
    wait_for(url + "ecr/", "Start again")

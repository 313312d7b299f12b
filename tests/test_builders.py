"""The same mkdocs.yml under three builders: MkDocs, ProperDocs (a fork of MkDocs 1.6, which
runs the hooks) and Zensical (which runs the Markdown extensions but not the hooks; its checks
and build steps come from `python -m sitekit build --builder zensical`)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, _QuietHandler

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
COPIED = ("docs", "includes", "diagrams", "overrides", "hooks", "sitekit")


def copy_project(folder: Path) -> Path:
    for name in COPIED:
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder)
    return folder


def run(folder: Path, *command: str, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": site_url,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The site built by each builder, from its own copy of the project."""
    sites = {}
    for builder in ("mkdocs", "properdocs", "zensical"):
        folder = copy_project(tmp_path_factory.mktemp(builder))
        result = run(folder, sys.executable, "-m", "sitekit", "build", "--builder", builder)
        assert result.returncode == 0, f"{builder}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        sites[builder] = folder / "site"
    return sites


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_properdocs_builds_the_same_pages_as_mkdocs(builds):
    mkdocs, properdocs = pages(builds["mkdocs"]), pages(builds["properdocs"])
    assert mkdocs.keys() == properdocs.keys()
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    different = [name for name in mkdocs if generator.sub("", mkdocs[name]) != generator.sub("", properdocs[name])]
    assert different == []


def test_zensical_renders_every_quiz_and_diagram_mkdocs_renders(builds):
    mkdocs, zensical = pages(builds["mkdocs"]), pages(builds["zensical"])
    for name, html in mkdocs.items():
        if name == "404.html":
            continue
        assert name in zensical, f"Zensical did not build {name}"
        for marker in ('class="quiz"', '<figure class="diagram">', "data-quiz-score", "data-quiz-progress"):
            assert zensical[name].count(marker) == html.count(marker), (name, marker)
        assert "/// quiz" not in zensical[name] and "```mermaid" not in zensical[name]
    assert (builds["zensical"] / "quizzes.json").read_text() == (builds["mkdocs"] / "quizzes.json").read_text()
    for step in ("sw.js", "manifest.webmanifest"):
        assert (builds["zensical"] / step).is_file(), step


def test_zensical_build_still_runs_every_check(tmp_path):
    folder = copy_project(tmp_path)
    page = folder / "docs" / "fargate.md"
    page.write_text(
        page.read_text() + "\n/// quiz | None right?\n    goal: G8\n- [ ] a\n- [ ] b\n///\n\n[Gone](gone.md)\n"
    )
    result = run(folder, sys.executable, "-m", "sitekit", "build", "--builder", "zensical")
    assert result.returncode == 1
    lines = page.read_text().count("\n")
    assert f'docs/fargate.md:{lines - 6}: quiz "None right?" has no correct answer; mark one with [x]' in result.stderr
    assert f"docs/fargate.md:{lines}: link 'gone.md' leads nowhere" in result.stderr


@pytest.mark.browser
def test_the_quiz_script_works_on_zensical_pages(builds, browser):
    handler = functools.partial(_QuietHandler, directory=str(builds["zensical"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/ecr/")
        quiz = page.locator("[data-quiz][data-quiz-kind='single']").first
        quiz.locator(".quiz__option[data-quiz-correct] label").click()
        quiz.get_by_role("button", name="Check answer").click()
        assert quiz.get_attribute("data-quiz-state") == "correct"
        total = page.locator("[data-quiz]").count()
        assert page.locator("[data-quiz-score-value]").inner_text() == f"1 of {total} answered correctly"
    finally:
        context.close()
        server.shutdown()
        server.server_close()

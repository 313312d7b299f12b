"""The benchmarks keep working: their generated site builds clean with every hook, and each
script runs and prints its figures. (The figures themselves are read by people, not asserted.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT, build_site

BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
from generated_site import generate  # noqa: E402 (after the path is set)

pytestmark = pytest.mark.slow


def run(*args: str, env: dict[str, str] | None = None) -> str:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=environment, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize("shape", ["linked", "nav"])
def test_generated_site_builds_clean_with_every_hook(tmp_path, shape):
    build = build_site(generate(tmp_path, pages=8, shape=shape))
    assert build.ok and build.site is not None, build.error
    assert build.messages() == []
    pages = json.loads((build.site / "quizzes.json").read_text())["pages"]
    generated = [page for page in pages if page["url"].startswith("generated/topic-")]
    assert len(generated) == (8 if shape == "nav" else 0)  # the module is the pages of the nav
    assert all(len(page["quizzes"]) == 2 for page in generated)  # two quizzes a page
    page = (build.site / "generated" / "topic-003" / "index.html").read_text()
    article = page[page.index("<article") : page.index("</article>")]
    assert article.count('class="quiz"') == 2 and 'class="tabbed-set' in article and 'class="admonition' in article
    assert len(re.findall(r'<a href="\.\./(?:topic-\d{3}/)?[#"]', article)) >= 8  # a dozen links a page


def test_generated_site_without_hooks_has_none(tmp_path):
    config = (generate(tmp_path, pages=2, hooks=False) / "mkdocs.yml").read_text()
    assert "\nhooks: []\n" in config and "hooks/" not in config.split("\nhooks:")[1]


def test_overhead_prints_the_table_for_each_shape():
    out = run(str(BENCH / "overhead.py"), "--pages", "4", "--runs", "1")
    for label in ("pages linked, not in the nav", "pages in the nav"):
        assert re.search(
            rf"^  {label} +\d+\.\d\d s \(±\d\.\d\d\) +\d+\.\d\d s \(±\d\.\d\d\) +\d\.\d{{3}} fastest", out, re.M
        ), out


def test_serve_time_prints_both_sites():
    out = run(str(BENCH / "serve_time.py"), "--saves", "1", "--pages", "4")
    for label in ("real site", "real site + 4 pages"):
        assert re.search(rf"^  {re.escape(label)} +median +\d+\.\d\d s, fastest", out, re.M), out


def test_test_time_prints_the_fast_tier():
    # One quick test, so that the suite does not run itself.
    out = run(
        str(BENCH / "test_time.py"),
        "--only",
        "fast",
        env={"PYTEST_ADDOPTS": "-k test_short_cuts_long_questions_at_a_word"},
    )
    assert re.search(r"^  make test-fast +median +\d+\.\d s", out, re.M), out


def test_site_stats_prints_page_weight_and_quiz_size():
    out = run(str(BENCH / "site_stats.py"), "--rounds", "1")
    assert re.search(r"^Strict build of the site: median \d+\.\d\d s", out, re.M), out
    assert re.search(r"^fargate +\d+\.\d / +\d+\.\d", out, re.M), out
    assert re.search(r"^Quiz script and style sheet together: \d+\.\d KB raw, \d+\.\d KB gzipped", out, re.M), out
    assert re.search(r"^Service worker precache, after the first visit: \d+ files, \d+ KB", out, re.M), out


@pytest.mark.browser
def test_lighthouse_prints_scores_for_a_page():
    out = run(str(BENCH / "lighthouse.py"), "--runs", "1", "glossary/")
    assert re.search(r"^glossary/ +\d+ +\d+ +\d+ +\d+ ", out, re.M), out


@pytest.mark.browser
def test_startup_counts_the_work_of_setting_a_page_up():
    out = run(str(BENCH / "startup.py"), "--runs", "1", "ecr/")
    match = re.search(r"^ecr/ +(\d+) +(\d+) +\d+\.\d +(\d+) +\d+ ms$", out, re.M)
    assert match, out
    elements, styled, laid = (int(n) for n in match.groups())
    assert elements > 1000 and styled >= elements and laid > 0, out  # every element is styled at least once


def test_startup_times_the_task_that_sets_the_page_up():
    out = run(str(BENCH / "startup.py"), "--runs", "1", "glossary/")
    match = re.search(r"^  glossary/ +set-up task +(\d+) ms$", out, re.M)
    assert match and int(match.group(1)) > 0, out


def test_hook_events_names_each_hook_and_its_share():
    out = run(str(BENCH / "hook_events.py"), "--pages", "4", "--runs", "1", "--shapes", "nav")
    assert re.search(
        r"^  pages in the nav \(4 pages\): build +\d+\.\d\d s, in the hooks +\d+ ms \(\d+\.\d%\)", out, re.M
    ), out
    for name in ("links post_page", "quizzes page_markdown", "diagrams page_markdown", "offline post_build"):
        assert re.search(rf"^    {name} +\d+ ms$", out, re.M), out

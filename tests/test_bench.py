"""The benchmarks keep working: their generated site builds clean with the hooks, and each
script prints its figures. (The figures themselves are read by people, not asserted.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import ROOT, build_site

BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
from generated_site import generate  # noqa: E402 (after the path is set)


def run(*args: str) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_generated_site_builds_clean_with_both_hooks(tmp_path):
    build = build_site(generate(tmp_path, pages=8, hooks=["quizzes", "links"]))
    assert build.ok and build.site is not None, build.error
    assert build.messages() == []
    quizzes = json.loads((build.site / "quizzes.json").read_text())
    assert len(quizzes) == 8 and all(len(ids) == 2 for ids in quizzes.values())  # two quizzes a page
    page = (build.site / "topic-003" / "index.html").read_text()
    article = page[page.index("<article") : page.index("</article>")]
    assert article.count('class="quiz"') == 2
    assert len(re.findall(r'<a href="\.\./(?:topic-\d{3}/)?[#"]', article)) >= 8  # a dozen links a page


def test_hook_time_prints_each_hook():
    out = run(str(BENCH / "hook_time.py"), "--pages", "6")
    for hook in ("links", "quiz"):
        assert re.search(rf"^  {hook}, all events +\d+ ms  \(\d+\.\d% of the build\)$", out, re.M), out


def test_hook_overhead_prints_each_pair():
    out = run(str(BENCH / "hook_overhead.py"), "--pages", "6", "--rounds", "1", "--only", "links,same")
    for name in ("link hook", "same site"):
        assert re.search(rf"^  {name} +median .* ->  [+-]\d+\.\d% \(median of pairs\)", out, re.M), out

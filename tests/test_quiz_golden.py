"""Golden tests: each Markdown file under golden/quiz renders to the HTML beside it.

After an intended change to the markup, rewrite the expected files with
`pytest tests/test_quiz_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from sitekit.quizzes.extension import QuizExtension

GOLDEN = Path(__file__).parent / "golden" / "quiz"
CASES = sorted(GOLDEN.glob("*.md"))


def render(text: str) -> str:
    md = markdown.Markdown(
        extensions=[
            "admonition",
            "attr_list",
            "md_in_html",
            "pymdownx.superfences",
            "pymdownx.tabbed",
            QuizExtension(report=lambda *report: None),
        ],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    return md.convert(text) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_markdown_renders_to_the_golden_html(case: Path, request: pytest.FixtureRequest):
    expected = case.with_suffix(".html")
    html = render(case.read_text(encoding="utf-8"))
    if request.config.getoption("--update-golden"):
        expected.write_text(html, encoding="utf-8")
    assert expected.exists(), f"no {expected.name}: run with --update-golden and review it"
    assert html == expected.read_text(encoding="utf-8")


def test_there_are_golden_cases():
    assert len(CASES) >= 4

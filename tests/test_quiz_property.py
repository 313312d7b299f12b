"""Property: any quiz block body gives either a quiz or a clean error, never an exception,
and never a block silently left on the page as text."""

from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitekit.quizzes.check import PageCheck
from sitekit.quizzes.extension import QuizExtension

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=12)
option_line = st.builds(
    lambda box, text: f"- {box} {text}", st.sampled_from(["[ ]", "[x]", "[X]", "[]", "[y]", ""]), words
)
feedback_line = st.builds(lambda text: f"    {text}", words)
yaml_line = st.sampled_from(
    [
        "    answer: 512",
        '    answer: ["512", "512 MiB"]',
        "    answer: []",
        "    answer: [",
        "    multiple: true",
        "    multiple: maybe",
        "    id: my-quiz",
        "    id: Not Valid",
        "    unknown: 1",
        "    : :",
        "    - a list",
    ]
)
line = st.one_of(option_line, feedback_line, words, st.just(""), st.just("```"), st.just("///"), st.just("!!! note"))
body = st.tuples(st.lists(yaml_line, max_size=2), st.lists(line, max_size=10)).map(
    lambda parts: "\n".join(parts[0] + parts[1])
)
question = st.one_of(st.just(""), words)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=question, body=body)
def test_any_block_gives_a_quiz_or_a_clean_error(question: str, body: str):
    header = f"/// quiz | {question}" if question else "/// quiz"
    text = f"# Page\n\n{header}\n{body}\n///\n"
    page = PageCheck("docs/page.md", text)
    md = markdown.Markdown(extensions=["admonition", "pymdownx.superfences", QuizExtension(report=page.report)])
    html = md.convert(text)  # must not raise
    page.check_rendered(html)
    errors = [str(finding) for finding in page.findings]
    assert errors or page.ids, "the block was neither a quiz nor an error"
    for error in errors:
        assert error.startswith("docs/page.md:") and "\n" not in error
    if not errors:
        assert 'class="quiz"' in html and "<p>/// quiz" not in html

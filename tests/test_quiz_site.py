"""The quiz hook in tiny sites: exact error lines, the collection page and the progress manifest."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import write_site

from sitekit.quizzes.model import quiz_id

INTRO = """\
---
description: A page.
---

# Page

Some text.

"""


@pytest.mark.parametrize(
    ("quiz", "line", "message"),
    [
        (
            "/// quiz | None right?\n- [ ] a\n- [ ] b\n///\n",
            9,
            'quiz "None right?" has no correct answer; mark one with [x]',
        ),
        (
            "/// quiz\n- [x] a\n- [ ] b\n///\n",
            9,
            "quiz has no question; write it after a bar: /// quiz | What does ECR store?",
        ),
        (
            "/// quiz | One?\n- [x] a\n///\n",
            9,
            'quiz "One?" has only one option; give at least two, each as - [ ] or - [x]',
        ),
        (
            "/// quiz | Twice?\n- [x] a\n- [ ] a\n///\n",
            9,
            "quiz \"Twice?\" has two identical options 'a'; make every option different",
        ),
        (
            "/// quiz | Typo?\n    mutliple: true\n- [x] a\n- [ ] b\n///\n",
            9,
            "quiz \"Typo?\" has an unknown option 'mutliple' (did you mean 'multiple'?); "
            "the options are answer, goal, id, multiple",
        ),
        (
            "/// quiz | Typed?\n    multiple: 3\n- [x] a\n- [ ] b\n///\n",
            9,
            "quiz \"Typed?\" option 'multiple' must be true or false, not 3",
        ),
        (
            '/// quiz | Empty?\n    answer: " "\n///\n',
            9,
            'quiz "Empty?" has an empty answer; give each accepted answer, e.g. answer: ["512", "512 MiB"]',
        ),
        (
            "/// quiz | Bad YAML?\n    answer: [512\n///\n",
            9,
            'quiz "Bad YAML?" has options that are not valid YAML (while parsing a flow sequence); '
            "write each as key: value, indented 4 spaces",
        ),
        (
            "/// quiz | Not closed?\n- [x] a\n- [ ] b\n",
            9,
            'quiz "Not closed?" is not closed; end it with a line of ///',
        ),
        (
            "!!! note\n\n    /// quiz | In a note, none right?\n    - [ ] a\n    - [ ] b\n    ///\n",
            11,
            'quiz "In a note, none right?" has no correct answer; mark one with [x]',
        ),
        (
            '=== "Tab"\n\n    text\n\n    /// quiz | In a tab, one?\n    - [x] a\n    ///\n',
            13,
            'quiz "In a tab, one?" has only one option; give at least two, each as - [ ] or - [x]',
        ),
    ],
)
def test_malformed_quiz_stops_the_build_naming_file_and_line(tiny_site, quiz, line, message):
    build = tiny_site({"index.md": INTRO + quiz})
    assert not build.ok
    assert f"docs/index.md:{line}: {message}" in build.messages(), build.messages()
    assert build.error == "Aborted with a BuildError!"


def test_every_malformed_quiz_of_a_build_is_reported(tiny_site):
    build = tiny_site(
        {
            "index.md": INTRO + "/// quiz | A?\n- [ ] a\n- [ ] b\n///\n\n/// quiz | B?\n- [x] a\n///\n",
            "other.md": "# Other\n\n/// quiz | C?\n- [ ] a\n- [ ] b\n///\n",
        }
    )
    errors = [m for m in build.messages() if m.startswith("docs/")]
    assert errors == [
        'docs/index.md:9: quiz "A?" has no correct answer; mark one with [x]',
        'docs/index.md:14: quiz "B?" has only one option; give at least two, each as - [ ] or - [x]',
        'docs/other.md:3: quiz "C?" has no correct answer; mark one with [x]',
    ]
    assert "The build stops: 3 quizzes must be fixed." in build.messages()


def test_the_same_question_twice_on_a_page_is_refused(tiny_site):
    quiz = "/// quiz | Same?\n- [x] a\n- [ ] b\n///\n\n"
    build = tiny_site({"index.md": INTRO + quiz + quiz})
    assert (
        'docs/index.md:14: quiz "Same?" has the same id as the quiz on line 9; '
        "ask each question once per page, or give one an id: option" in build.messages()
    )


def test_error_is_one_line_without_traceback(tmp_path):
    write_site(tmp_path, {"index.md": INTRO + "/// quiz | None right?\n- [ ] a\n- [ ] b\n///\n"})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert 'docs/index.md:9: quiz "None right?" has no correct answer; mark one with [x]' in result.stderr
    assert "Traceback" not in result.stderr


COLLECTION = """\
# Self-check

/// quiz | Own?
- [x] yes
- [ ] no
///

/// quiz-collection
///
"""

ECR = """\
# ECR

## Tag mutability { #tag-mutability }

/// quiz | Tags?
- [x] Immutable, see [pricing](../pricing.md#costs)
- [ ] Mutable
///

## Lifecycle { #lifecycle }

/// quiz | Own?
- [x] yes
- [ ] no
///
"""


def test_collection_page_gathers_every_quiz_with_links_back(tiny_site):
    build = tiny_site(
        {
            "index.md": "# Home\n",
            "services/ecr.md": ECR,
            "pricing.md": "# Pricing\n\n## Costs\n",
            "self-check.md": COLLECTION,
        },
        extra="nav:\n  - index.md\n  - services/ecr.md\n  - pricing.md\n  - self-check.md\n",
    )
    assert build.ok, build.messages()
    html = (build.site / "self-check" / "index.html").read_text()
    # Its own quiz, then the ECR quiz that is not already there, with its link rebased.
    assert html.count('class="quiz"') == 2
    assert '<h2 id="from-services-ecr">ECR' in html
    assert 'href="../pricing/#costs"' in html  # was ../../pricing/#costs on services/ecr/
    assert 'Learn it in <a href="../services/ecr/#tag-mutability">ECR: Tag mutability</a>' in html
    assert 'data-source-file="docs/services/ecr.md"' in html
    assert '<a href="#from-services-ecr" class="md-nav__link">' in html  # in the table of contents
    manifest = json.loads((build.site / "quizzes.json").read_text())
    assert [page["url"] for page in manifest["pages"]] == ["services/ecr/"]  # home has none; self-check collects
    assert [quiz["id"] for quiz in manifest["pages"][0]["quizzes"]] == [quiz_id("Tags?"), quiz_id("Own?")]
    assert manifest["selfCheck"] == "self-check/"


def test_pages_with_quizzes_get_a_score_and_others_do_not(tiny_site):
    build = tiny_site(
        {"index.md": "# Home\n\nNo quiz.\n", "ecr.md": COLLECTION.split("/// quiz-collection")[0]}, hooks=("quizzes",)
    )
    assert build.ok
    assert "data-quiz-score" in (build.site / "ecr" / "index.html").read_text()
    assert "data-quiz-score" not in (build.site / "index.html").read_text()

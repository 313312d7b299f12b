"""A first-time contributor's mistakes: each caught, reported once as `file:line: what; how to
fix`, all of a build's mistakes together, the fine lines around them left alone; and the same
reports from `python -m sitekit check`, without building, and as GitHub annotations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, write_site

INTRO = "---\ndescription: A page.\n---\n\n# Page\n\nSome text.\n\n"  # what follows starts on line 9
QUIZ = "/// quiz | Fine?\n- [x] yes\n- [ ] no\n///\n\n"  # a fine quiz; what follows starts on line 14


def build(folder: Path, pages: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a tiny site, in its own process, as a contributor runs it."""
    write_site(folder, pages, **kwargs)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def reports(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The `docs/...` report lines of a build, without the log level."""
    return [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if "-  docs/" in line]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "/// quiz | First?\n- [x] a\n- [ ] b\n\nMore text.\n\n/// quiz | Second?\n- [x] c\n- [ ] d\n///\n",
            'docs/index.md:14: quiz "First?" is not closed before the next quiz starts on line 20; '
            "end it with a line of ///",
            id="unclosed quiz before another",
        ),
        pytest.param(
            "/// quiz | Options?\nmultiple: true\n- [x] a\n- [ ] b\n///\n",
            "docs/index.md:15: quiz \"Options?\" has its option 'multiple: true' in the question text; "
            "indent options 4 spaces, on the lines right under the header",
            id="options not indented",
        ),
        pytest.param(
            "/// quiz | Feedback?\n- [ ] a\n\n  Wrong because.\n\n- [x] b\n///\n",
            "docs/index.md:17: quiz \"Feedback?\" has text between its options ('Wrong because.'), which ends "
            "the list of options; indent an option's feedback 4 spaces under the option, after a blank line",
            id="feedback indented two spaces",
        ),
        pytest.param(
            "Text before.\n\n    /// quiz | Indented?\n    - [x] a\n    - [ ] b\n    ///\n",
            'docs/index.md:16: quiz "Indented?" did not become a quiz: it is inside another block or an '
            "indented code block; close the block above it with /// and start the quiz at the left edge "
            "of its container",
            id="quiz swallowed by a code block",
        ),
        pytest.param(
            "/// quiz | Early?\n- [x] a\n///\n- [ ] b\n",
            'docs/index.md:14: quiz "Early?" has only one option; give at least two, each as - [ ] or - [x]\n'
            "docs/index.md:17: the option '- [ ] b' is outside any quiz, so it shows as text and gives the "
            "answer away; put it inside a /// quiz block, or close the quiz above it only after its options",
            id="option after the end",
        ),
    ],
)
def test_each_quiz_mistake_is_named_with_its_line(tmp_path, body, expected):
    result = build(tmp_path, {"index.md": INTRO + QUIZ + body})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert reports(result) == expected.split("\n"), result.stderr


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (
            "aws ecs update-service --cluster CLUSTER --service SERVICE --desired-count two",
            "'aws ecs update-service': --desired-count value 'two' is not a whole number",
        ),
        (
            "aws ecr put-lifecycle-policy --repository-name app --lifecycle-policy-text '{\"rules\": ['",
            "'aws ecr put-lifecycle-policy': --lifecycle-policy-text value is not valid JSON (Expecting value); "
            "write the whole document, or file://FILE",
        ),
        (
            "aws ecs register-task-definition --family web --requires-compatibilities FARGATE "
            '--network-mode awsvpc --cpu 256 --memory 4096 --container-definitions \'[{"name": "web"}]\'',
            "'aws ecs register-task-definition': Fargate has no task size with 256 CPU units and 4096 MiB of "
            "memory; with 256 CPU units, memory is 512 MiB, 1 GB, 2 GB (see Task sizes in docs/fargate.md)",
        ),
    ],
)
def test_values_the_aws_cli_refuses_are_reported(tmp_path, command, expected):
    fine = "aws ecs update-service --cluster CLUSTER --service SERVICE --desired-count 2"
    page = INTRO + "Replace CLUSTER and SERVICE with yours.\n\n```bash\n" + fine + "\n" + command + "\n```\n"
    result = build(tmp_path, {"index.md": page}, hooks=("api_examples",))
    assert result.returncode == 1
    assert reports(result) == [f"docs/index.md:13: {expected}"], result.stderr


def test_a_missing_image_is_an_image_named_by_its_docs_path(tmp_path):
    (tmp_path / "docs" / "assets").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "diagram.png").write_bytes(b"\x89PNG")
    page = INTRO + "![A diagram](assets/diagam.png)\n\n![Fine](assets/diagram.png)\n"
    result = build(tmp_path, {"index.md": page}, hooks=("links",))
    assert reports(result) == [
        "docs/index.md:9: image 'assets/diagam.png' is missing: there is no 'docs/assets/diagam.png' "
        "(did you mean 'assets/diagram.png'?)"
    ]


def test_a_page_link_that_differs_in_case_says_so(tmp_path):
    result = build(tmp_path, {"index.md": INTRO + "[Other](Other.md) and [fine](other.md)\n", "other.md": "# Other\n"})
    assert reports(result) == [
        "docs/index.md:9: link 'Other.md' differs in case from the file 'other.md': it works on a laptop "
        "but breaks on GitHub Pages (did you mean 'other.md'?)"
    ]


def test_a_raw_html_link_gets_a_suggestion_raw_html_can_use(tmp_path):
    page = INTRO + '<a href="othr.md">Other</a> and <a href="other/">fine</a>\n'
    result = build(tmp_path, {"index.md": page, "other.md": "# Other\n"})
    assert reports(result) == [
        "docs/index.md:9: link 'othr.md' leads nowhere: there is no 'othr.md' in the docs folder "
        "(did you mean 'other/'?)"
    ]


BROKEN_EVERYWHERE = (
    INTRO
    + "/// quiz | None right?\n- [ ] a\n- [ ] b\n///\n\n"
    + "[Missing](missing.md)\n\n"
    + "Replace CLUSTER with yours.\n\n```bash\naws ecs list-servics --cluster CLUSTER\n```\n\n"
    + "```mermaid\nflowchart TB\n    a --> b\n```\n"
)
EVERY_REPORT = [
    'docs/index.md:9: quiz "None right?" has no correct answer; mark one with [x]',
    "docs/index.md:14: link 'missing.md' leads nowhere: there is no 'missing.md' in the docs folder",
    "docs/index.md:19: 'aws ecs': unknown command 'list-servics' (did you mean list-services?)",
    "docs/index.md:22: the diagram has no accTitle or accDescr line; add one so that screen readers can describe it",
]


def test_one_build_reports_every_mistake_of_every_check_then_fails_once(tmp_path):
    result = build(tmp_path, {"index.md": BROKEN_EVERYWHERE}, hooks=("diagrams", "quizzes", "api_examples", "links"))
    assert result.returncode == 1
    assert reports(result) == EVERY_REPORT, result.stderr
    output = result.stdout + result.stderr
    assert output.count("Aborted") == 1 and "Traceback" not in output
    assert "The build stops: 1 quiz must be fixed and 1 diagram could not be shown." in result.stderr


def test_on_github_actions_each_finding_is_also_an_annotation(tmp_path):
    write_site(tmp_path, {"index.md": BROKEN_EVERYWHERE}, hooks=("diagrams", "quizzes", "api_examples", "links"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "true"},
    )
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations[0] == (
        '::error file=docs/index.md,line=9::quiz "None right?" has no correct answer; mark one with [x]'
    )
    assert "::warning file=docs/index.md,line=14::link 'missing.md' leads nowhere" in annotations[1]
    assert len(annotations) == 4


def test_check_command_reports_without_building(tmp_path):
    """`make check`: a malformed quiz, a broken diagram and a wrong CLI example, all at once."""
    write_site(tmp_path, {"index.md": BROKEN_EVERYWHERE}, hooks=())
    result = subprocess.run(
        [sys.executable, "-m", "sitekit", "check"], cwd=tmp_path, capture_output=True, text=True, env=os.environ
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    expected = EVERY_REPORT  # a link to a missing page is found in the source, too
    assert [line for line in lines if line.startswith("docs/")] == expected
    assert lines[-1] == "The build stops: 1 quiz must be fixed and 1 diagram could not be shown."
    assert not (tmp_path / "site").exists()


def test_check_command_passes_on_the_real_site():
    result = subprocess.run([sys.executable, "-m", "sitekit", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stderr

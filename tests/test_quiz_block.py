"""Unit tests of the quiz block: reading quizzes from Markdown, and every mistake it refuses."""

from __future__ import annotations

import textwrap
from types import SimpleNamespace
from xml.etree import ElementTree

import markdown
import pytest

from sitekit.quizzes import extension as quiz_extension
from sitekit.quizzes import model as quiz_block
from sitekit.quizzes.extension import QuizExtension
from sitekit.quizzes.model import quiz_id, read_options, short

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.tabbed"]


def render(text: str) -> tuple[str, list]:
    """Convert Markdown with the quiz block; return the HTML and what each block reported."""
    reports: list = []
    md = markdown.Markdown(
        extensions=[
            *EXTENSIONS,
            QuizExtension(report=lambda question, quiz, error: reports.append((question, quiz, error))),
        ]
    )
    return md.convert(textwrap.dedent(text).strip("\n")), reports


def only_quiz(text: str):
    html, reports = render(text)
    assert len(reports) == 1, reports
    _question, quiz, error = reports[0]
    assert error is None, error
    return quiz, html


def only_error(text: str) -> str:
    _, reports = render(text)
    assert len(reports) == 1, reports
    assert reports[0][2] is not None, "expected an error"
    return str(reports[0][2])


CHOICE = """
    /// quiz | You must stop anyone from pushing an image over an existing tag. What do you configure?
    - [ ] A lifecycle policy

        Lifecycle policies expire old images; they do not protect tags.

    - [x] Tag immutability on the repository
    - [ ] Scan on push

    With tag immutability ECR refuses a push that reuses a tag.
    ///
"""


def test_reads_options_correct_answer_feedback_and_explanation():
    quiz, html = only_quiz(CHOICE)
    assert quiz.kind == "single"
    assert [o.label for o in quiz.options] == [
        "A lifecycle policy",
        "Tag immutability on the repository",
        "Scan on push",
    ]
    assert [o.correct for o in quiz.options] == [False, True, False]
    assert len(quiz.options[0].feedback) == 1 and not quiz.options[1].feedback
    assert '<div class="quiz__feedback" hidden="hidden">\n<p>Lifecycle policies expire' in html
    assert "<p>With tag immutability ECR refuses a push that reuses a tag.</p>\n</details>" in html


def test_two_correct_options_make_checkboxes():
    quiz, html = only_quiz(
        """
        /// quiz | Which two?
        - [x] One
        - [X] Two
        - [ ] Three
        ///
        """
    )
    assert quiz.kind == "multiple"
    assert html.count('type="checkbox"') == 3 and "Choose every answer that applies." in html


def test_multiple_option_forces_checkboxes_with_one_correct_answer():
    quiz, _ = only_quiz(
        """
        /// quiz | Which apply?
            multiple: true
        - [x] One
        - [ ] Two
        ///
        """
    )
    assert quiz.kind == "multiple"


def test_fill_in_answers_and_explanation():
    quiz, html = only_quiz(
        """
        /// quiz | Smallest Fargate memory, in MiB?
            answer: [512, "512 MiB"]

        The smallest task has 512 MiB.
        ///
        """
    )
    assert quiz.kind == "fill" and quiz.answers == ["512", "512 MiB"]
    assert 'data-quiz-answers="[&quot;512&quot;, &quot;512 MiB&quot;]"' in html
    assert "Accepted answers: <code>512</code>, <code>512 MiB</code>" in html


def test_content_before_the_list_belongs_to_the_question():
    quiz, html = only_quiz(
        """
        /// quiz | What does this command do?
        ```bash
        aws ecr describe-repositories
        ```

        - [x] Lists repositories
        - [ ] Deletes repositories
        ///
        """
    )
    assert quiz.stem and html.index("describe-repositories") < html.index("Choose one answer.")


def test_id_derives_from_the_question_and_is_stable():
    assert quiz_id("What is ECR?") == quiz_id("What  is ECR?")
    assert quiz_id("What is ECR?") != quiz_id("What is ECS?")
    assert quiz_id("Où est l'image ?").startswith("ou-est-l-image-")
    quiz, html = only_quiz(CHOICE)
    assert f'data-quiz="{quiz.id}"' in html and quiz.id.startswith("you-must-stop-anyone-from-pushing-an")


def test_id_option_overrides_the_derived_id():
    quiz, _ = only_quiz("/// quiz | Q?\n    id: ecr-tags\n- [x] a\n- [ ] b\n///")
    assert quiz.id == "ecr-tags"


def test_quiz_inside_admonition_and_tab():
    html, reports = render(
        """
        !!! tip "Check"

            /// quiz | In an admonition?
            - [x] Yes
            - [ ] No
            ///

        === "Tab"

            /// quiz | In a tab?
            - [x] Yes
            - [ ] No
            ///
        """
    )
    assert [r[2] for r in reports] == [None, None]
    assert html.count('class="quiz"') == 2


def test_quiz_in_a_code_fence_stays_code():
    html, reports = render(
        """
        ```markdown
        /// quiz | Not a quiz
        - [x] a
        ///
        ```
        """
    )
    assert reports == [] and "/// quiz | Not a quiz" in html and 'class="quiz"' not in html


def test_attributes_built_from_author_text_are_escaped():
    quiz, html = only_quiz('/// quiz | Pick "one" & <go>\n    answer: [\'say "hi" & <b>\']\n///')
    assert quiz.id.startswith("pick-one-go-")
    assert 'data-quiz-answers="[&quot;say \\&quot;hi\\&quot; &amp; &lt;b&gt;&quot;]"' in html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "/// quiz\n- [x] a\n- [ ] b\n///",
            "quiz has no question; write it after a bar: /// quiz | What does ECR store?",
        ),
        (
            "/// quiz | Only one?\n- [x] a\n///",
            'quiz "Only one?" has only one option; give at least two, each as - [ ] or - [x]',
        ),
        (
            "/// quiz | None right?\n- [ ] a\n- [ ] b\n///",
            'quiz "None right?" has no correct answer; mark one with [x]',
        ),
        (
            "/// quiz | Same?\n- [x] Yes\n- [ ] yes\n///",
            "quiz \"Same?\" has two identical options 'yes'; make every option different",
        ),
        (
            "/// quiz | Typo?\n    anwser: 3\n///",
            "quiz \"Typo?\" has an unknown option 'anwser' (did you mean 'answer'?); the options are answer, goal, id, multiple",
        ),
        (
            '/// quiz | Bool?\n    multiple: "yes please"\n- [x] a\n- [ ] b\n///',
            "quiz \"Bool?\" option 'multiple' must be true or false, not 'yes please'",
        ),
        (
            '/// quiz | Empty?\n    answer: ""\n///',
            'quiz "Empty?" has an empty answer; give each accepted answer, e.g. answer: ["512", "512 MiB"]',
        ),
        (
            "/// quiz | Empty list?\n    answer: []\n///",
            'quiz "Empty list?" has an empty answer; give each accepted answer, e.g. answer: ["512", "512 MiB"]',
        ),
        (
            "/// quiz | Map?\n    answer: {a: 1}\n///",
            'quiz "Map?" option \'answer\' must be a text, a number or a list of them, not dict; for example answer: ["512", "512 MiB"]',
        ),
        (
            "/// quiz | Id?\n    id: Not An Id\n- [x] a\n- [ ] b\n///",
            "quiz \"Id?\" option 'id' must be lowercase letters, digits and hyphens, like ecr-tags; got 'Not An Id'",
        ),
        (
            "/// quiz | No list?\nJust text.\n///",
            'quiz "No list?" has no options; list them as a task list (- [ ] wrong, - [x] right) or make it a fill-in question with answer:',
        ),
        (
            "/// quiz | No boxes?\n- a\n- b\n///",
            'quiz "No boxes?" has a list whose items do not start with [ ] or [x]; start each option with - [ ] (wrong) or - [x] (right)',
        ),
        (
            "/// quiz | Both?\n    answer: 3\n- [x] a\n- [ ] b\n///",
            'quiz "Both?" has both an answer option and [x] options; keep one: a fill-in answer or a task list',
        ),
        (
            "/// quiz | Blank?\n- [x] a\n- [ ]  \n///",
            'quiz "Blank?" has an option with no text; write the option after its [ ] or [x]',
        ),
    ],
)
def test_mistakes_are_refused_with_what_and_how(text: str, message: str):
    assert only_error(text) == message


def test_a_refused_quiz_leaves_no_raw_text_on_the_page_only_a_note():
    html, _ = render("/// quiz | None right?\n- [ ] a\n- [ ] b\n///")
    assert "[ ]" not in html and "<li>" not in html
    assert 'class="quiz quiz--invalid" role="note"' in html and "has no correct answer" in html


def test_short_cuts_long_questions_at_a_word():
    assert short("You must stop anyone from pushing an image over an existing tag. What?") == (
        "You must stop anyone from pushing an..."
    )
    assert short("Short?") == "Short?"


def test_read_options_defaults():
    assert read_options("Q", {}) == {"answer": [], "goal": None, "id": None, "multiple": False, "from": None}
    with pytest.raises(quiz_block.QuizError):
        read_options("Q", {"answer": True})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('answer: ["2", "two"]\n', {"answer": ["2", "two"]}),
        ("id: ecr-tags\nmultiple: true\n", {"id": "ecr-tags", "multiple": True}),
        ("answer: 512\n", {"answer": 512}),
        ("", {}),
        ("- a list\n", None),  # not a mapping: the header is not a block
        ("just words\n", None),
        ("answer: [2\n", None),  # not YAML
    ],
)
def test_block_options_read_with_libyaml(text, expected):
    assert quiz_extension.read_header_options(text) == expected


NESTED_IN_LISTS = """
/// details | Steps
- First step

    /// quiz | Inside a list item inside a block?
    - [x] Yes
    - [ ] No
    ///

- Second step

    /// tab | Console

    1. A numbered step

        /// quiz | Two lists and two blocks deep?
        - [ ] No
        - [x] Yes
        ///

    ///
///

/// quiz | At the top, after nested blocks?
- [x] Yes
- [ ] No
///
"""


def test_blocks_walk_the_page_only_when_nested_and_render_the_same():
    """The Blocks loop's walk of the whole page (to count list items between nested blocks)
    is skipped while one block is open; nested blocks in lists render as Blocks renders them."""
    extensions = [*EXTENSIONS, "pymdownx.blocks.details", "pymdownx.blocks.tab", QuizExtension()]
    text = (
        textwrap.dedent(NESTED_IN_LISTS).strip("\n")
        + "\n\n"
        + "\n\n".join(f"/// quiz | Question {n}?\n- [x] Yes\n- [ ] No\n///" for n in range(30))
    )
    md = markdown.Markdown(extensions=extensions)
    manager = md.parser.blockprocessors["blocks"]
    assert manager.parse_blocks.walks_when_nested
    ours = md.convert(text)

    upstream = markdown.Markdown(extensions=extensions)
    manager = upstream.parser.blockprocessors["blocks"]
    manager.parse_blocks = type(manager).parse_blocks.__get__(manager)  # Blocks' own loop
    assert ours == upstream.convert(text)
    assert ours.count('class="quiz"') == 33
    assert "Two lists and two blocks deep?" in ours and "[x]" not in ours


def test_the_page_tree_is_walked_only_while_blocks_are_nested():
    manager = SimpleNamespace(stack=[])
    parent = ElementTree.fromstring("<div><p>a</p><ul><li>b</li></ul></div>")
    tree = quiz_extension._TreeWhenNested(manager, parent)
    manager.stack = ["quiz"]
    assert list(tree.iter()) == []
    manager.stack = ["details", "quiz"]
    assert [el.tag for el in tree.iter()] == ["div", "p", "ul", "li"]

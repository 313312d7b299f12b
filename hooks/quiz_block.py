"""The `/// quiz` block: reads a quiz written in Markdown and builds its accessible form.

Authors write:

    /// quiz | You must stop anyone from pushing an image over an existing tag. What do you configure?
    - [ ] A lifecycle policy

        Lifecycle policies expire old images; they do not protect tags.

    - [x] Tag immutability on the repository

    With tag immutability ECR refuses a push that reuses a tag.
    ///

The argument is the question; the first task list holds the options (`[x]` for each
correct one); Markdown indented under an option is its feedback; what follows the list is
the explanation, and what precedes it belongs to the question. With the `answer` option
the quiz is a fill-in question instead. Mistakes raise `QuizError`, which the hook reports
with the file and line; a malformed quiz never reaches the page as text.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pymdownx.blocks
import yaml
from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

RE_MARKER = re.compile(r"^\[(?P<mark>[ xX])\][ \t]+")
RE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RE_GOAL = re.compile(r"^G[1-9][0-9]*$")
OPTION_NAMES = ("answer", "goal", "id", "multiple")


class QuizError(ValueError):
    """An author's mistake in a quiz block; the message says what is wrong and how to fix it."""


@dataclass
class Option:
    """One choice of a multiple-choice quiz."""

    label: str
    correct: bool
    feedback: list[etree.Element] = field(default_factory=list)


@dataclass
class Quiz:
    """A quiz read from its block, ready to render."""

    question: str
    id: str
    options: list[Option] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    multiple: bool = False
    stem: list[etree.Element] = field(default_factory=list)
    explanation: list[etree.Element] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """`fill`, `multiple` (checkboxes) or `single` (radio buttons)."""
        if self.answers:
            return "fill"
        if self.multiple or sum(option.correct for option in self.options) > 1:
            return "multiple"
        return "single"


def short(question: str, limit: int = 40) -> str:
    """Return the question cut to about `limit` characters, for error messages."""
    question = " ".join(question.split())
    if len(question) <= limit:
        return question
    return question[:limit].rsplit(" ", 1)[0] + "..."


def quiz_id(question: str) -> str:
    """Return a stable id for a question: a readable slug and a short hash of the full text.

    The id depends on the question alone, so moving a quiz keeps a learner's progress.
    """
    text = unicodedata.normalize("NFKD", question).encode("ascii", "ignore").decode().lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", text))[:40].rstrip("-") or "quiz"
    digest = hashlib.sha1(" ".join(question.split()).encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}"


def read_options(question: str, options: dict[str, Any]) -> dict[str, Any]:
    """Check the YAML options of a quiz and return them typed, with defaults.

    Raises:
        QuizError: for an unknown option or a value of the wrong type.
    """
    name = f'quiz "{short(question)}"'
    result: dict[str, Any] = {"answer": [], "goal": None, "id": None, "multiple": False}
    for key, value in options.items():
        if key not in OPTION_NAMES:
            close = difflib.get_close_matches(str(key), OPTION_NAMES, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise QuizError(f"{name} has an unknown option '{key}'{hint}; the options are {', '.join(OPTION_NAMES)}")
        result[key] = OPTION_READERS[key](name, value)
    return result


def _read_answer(name: str, value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    answers = []
    for item in values:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise QuizError(
                f"{name} option 'answer' must be a text, a number or a list of them, "
                f'not {type(item).__name__}; for example answer: ["512", "512 MiB"]'
            )
        if not str(item).strip():
            raise QuizError(f'{name} has an empty answer; give each accepted answer, e.g. answer: ["512", "512 MiB"]')
        answers.append(str(item).strip())
    if not answers:
        raise QuizError(f'{name} has an empty answer; give each accepted answer, e.g. answer: ["512", "512 MiB"]')
    return answers


def _read_id(name: str, value: Any) -> str:
    if not isinstance(value, str) or not RE_ID.match(value):
        raise QuizError(
            f"{name} option 'id' must be lowercase letters, digits and hyphens, like ecr-tags; got {value!r}"
        )
    return value


def _read_goal(name: str, value: Any) -> str:
    if not isinstance(value, str) or not RE_GOAL.match(value):
        raise QuizError(f"{name} option 'goal' must be a learning goal of the Home page, like G3; got {value!r}")
    return value


def _read_multiple(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise QuizError(f"{name} option 'multiple' must be true or false, not {value!r}")
    return value


OPTION_READERS: dict[str, Callable[[str, Any], Any]] = {
    "answer": _read_answer,
    "goal": _read_goal,
    "id": _read_id,
    "multiple": _read_multiple,
}


def _is_task_list(el: etree.Element) -> bool:
    """Is `el` a list whose items all start with a `[ ]` or `[x]` box?"""
    return el.tag == "ul" and len(el) > 0 and all(_box_line(li) is not None for li in el)


def _box_line(li: etree.Element) -> str | None:
    """Return the first line of a list item's text if it starts with a box, else None.

    A tight list keeps the text on the item; a loose one wraps it in a paragraph.
    """
    if (li.text or "").strip():
        text = li.text or ""
    elif len(li) and li[0].tag == "p":
        text = li[0].text or ""
    else:
        return None
    return text if RE_MARKER.match(text.lstrip()) else None


def read_option(li: etree.Element) -> Option:
    """Read one task-list item: its box, its label and the feedback indented under it."""
    text = _box_line(li)
    assert text is not None
    feedback = list(li) if (li.text or "").strip() else list(li)[1:]
    m = RE_MARKER.match(text.lstrip())
    assert m is not None
    return Option(label=text.lstrip()[m.end() :].strip(), correct=m.group("mark") != " ", feedback=feedback)


def read_quiz(question: str | None, options: dict[str, Any], body: list[etree.Element]) -> Quiz:
    """Read a quiz from its block: the question, the YAML options and the parsed body.

    Args:
        question: The block's argument.
        options: The YAML options under the header.
        body: The block's child elements, parsed by Markdown at block level (inline
            Markdown is still text at this stage).

    Raises:
        QuizError: the first mistake found, with how to fix it.
    """
    question = (question or "").strip()
    if not question:
        raise QuizError("quiz has no question; write it after a bar: /// quiz | What does ECR store?")
    name = f'quiz "{short(question)}"'
    opts = read_options(question, options)
    quiz = Quiz(
        question=question, id=opts["id"] or quiz_id(question), answers=opts["answer"], multiple=opts["multiple"]
    )

    lists = [i for i, el in enumerate(body) if _is_task_list(el)]
    if quiz.answers:
        if lists:
            raise QuizError(
                f"{name} has both an answer option and [x] options; keep one: a fill-in answer or a task list"
            )
        if quiz.multiple:
            raise QuizError(f"{name} is a fill-in question (answer:), so 'multiple' does not apply; remove it")
        quiz.explanation = body
        return quiz

    plain = [i for i, el in enumerate(body) if el.tag == "ul"]
    if not lists:
        if plain:
            raise QuizError(
                f"{name} has a list whose items do not start with [ ] or [x]; "
                "start each option with - [ ] (wrong) or - [x] (right)"
            )
        raise QuizError(
            f"{name} has no options; list them as a task list (- [ ] wrong, - [x] right) "
            "or make it a fill-in question with answer:"
        )
    at = lists[0]
    if plain and plain[0] < at:
        raise QuizError(
            f"{name} has a list whose items do not start with [ ] or [x]; "
            "start each option with - [ ] (wrong) or - [x] (right)"
        )
    quiz.stem, quiz.explanation = body[:at], body[at + 1 :]
    quiz.options = [read_option(li) for li in body[at]]

    if len(quiz.options) < 2:
        raise QuizError(f"{name} has only one option; give at least two, each as - [ ] or - [x]")
    seen: dict[str, str] = {}
    for option in quiz.options:
        if not option.label:
            raise QuizError(f"{name} has an option with no text; write the option after its [ ] or [x]")
        key = " ".join(option.label.split()).casefold()
        if key in seen:
            raise QuizError(f"{name} has two identical options '{option.label}'; make every option different")
        seen[key] = option.label
    if not any(option.correct for option in quiz.options):
        raise QuizError(f"{name} has no correct answer; mark one with [x]")
    return quiz


def _sub(parent: etree.Element, tag: str, attrs: dict[str, str], text: str | None = None) -> etree.Element:
    el = etree.SubElement(parent, tag, attrs)
    el.text = text
    return el


# Fixed texts skip inline Markdown: there is nothing to render in them.
CHECK, RETRY, SUMMARY = AtomicString("Check answer"), AtomicString("Try again"), AtomicString("Answer and explanation")
HINTS = {"single": AtomicString("Choose one answer."), "multiple": AtomicString("Choose every answer that applies.")}


def render_quiz(root: etree.Element, quiz: Quiz) -> None:
    """Replace the children of `root` with the quiz's form, in place.

    Without JavaScript the quiz is a question whose answer and explanation sit in a
    `<details>`, and its buttons are not shown (a class the page sets when scripts run shows
    them, before the first paint, so nothing moves). Text the author wrote stays element
    text, which Markdown then renders.
    """
    root.clear()
    root.tag = "div"
    root.attrib.update({"class": "quiz", "data-quiz": quiz.id, "data-quiz-kind": quiz.kind})
    form = _sub(root, "form", {"class": "quiz__form"})
    fieldset = _sub(form, "fieldset", {"class": "quiz__fieldset"})
    _sub(fieldset, "legend", {"class": "quiz__question"}, quiz.question)
    fieldset.extend(quiz.stem)

    if quiz.kind == "fill":
        label = _sub(fieldset, "label", {"class": "quiz__fill"}, AtomicString("Your answer "))
        attrs = {"type": "text", "name": quiz.id, "autocomplete": "off", "spellcheck": "false"}
        _sub(label, "input", {**attrs, "data-quiz-answers": json.dumps(quiz.answers)})
    else:
        _sub(fieldset, "p", {"class": "quiz__hint"}, HINTS[quiz.kind])
        kind = "checkbox" if quiz.kind == "multiple" else "radio"
        for number, option in enumerate(quiz.options, start=1):
            attrs = {"class": "quiz__option", **({"data-quiz-correct": ""} if option.correct else {})}
            row = _sub(fieldset, "div", attrs)
            label = _sub(row, "label", {})
            _sub(label, "input", {"type": kind, "name": quiz.id, "value": str(number)})
            _sub(label, "span", {"class": "quiz__text"}, option.label)
            if option.feedback:
                _sub(row, "div", {"class": "quiz__feedback", "hidden": "hidden"}).extend(option.feedback)

    controls = _sub(form, "div", {"class": "quiz__controls"})  # shown only where the script runs
    _sub(controls, "button", {"type": "submit", "class": "md-button md-button--primary"}, CHECK)
    _sub(controls, "button", {"type": "button", "class": "md-button", "hidden": "hidden", "data-quiz-retry": ""}, RETRY)
    _sub(form, "div", {"class": "quiz__status", "role": "status"})

    # Search finds the question and its options; the answers stay out of its index.
    details = _sub(root, "details", {"class": "quiz__solution", "data-search-exclude": ""})
    _sub(details, "summary", {}, SUMMARY)
    answer = _sub(details, "p", {"class": "quiz__answer"})
    if quiz.kind == "fill":
        answer.text = AtomicString("Accepted answers: " if len(quiz.answers) > 1 else "Answer: ")
        for i, text in enumerate(quiz.answers):
            _sub(answer, "code", {}, AtomicString(text)).tail = ", " if i < len(quiz.answers) - 1 else None
    else:
        right = [option for option in quiz.options if option.correct]
        answer.text = AtomicString("Correct answers: " if len(right) > 1 else "Correct answer: ")
        for i, option in enumerate(right):
            _sub(answer, "strong", {}, option.label).tail = "; " if i < len(right) - 1 else None
    details.extend(quiz.explanation)


class QuizBlock(Block):
    """`/// quiz | question`: a self-check question."""

    NAME = "quiz"
    ARGUMENT = None  # optional here, so that a missing question is reported, not left as text
    OPTIONS: ClassVar[dict[str, tuple[Any, Callable[[Any], Any]]]] = {}

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        """Accept every header; the options are checked in `on_end` and reported there."""
        self.argument = arg
        self.raw_options = options
        self.options = {"attrs": {}}
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Create the quiz's root element."""
        return etree.SubElement(parent, "div", {"class": "quiz"})

    def on_markdown(self) -> str:
        """The body is Markdown blocks: lists, paragraphs, code."""
        return "block"

    def on_end(self, block: etree.Element) -> None:
        """Read the finished block and build the quiz, or report the mistake."""
        report = self.config["report"]
        try:
            quiz = read_quiz(self.argument, self.raw_options, list(block))
            render_quiz(block, quiz)
            report(self.argument, quiz, None)
        except QuizError as error:
            block.clear()
            block.set("class", "quiz quiz--invalid")
            report(self.argument, None, error)


class QuizExtension(BlocksExtension):
    """Registers the quiz block; `report(question, quiz, error)` hears about every quiz."""

    def __init__(self, report: Callable[[str | None, Quiz | None, QuizError | None], None]) -> None:
        """Keep the callback that hears about each quiz."""
        self.report = report
        super().__init__()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        """Register the block with the Blocks manager."""
        block_mgr.register(QuizBlock, {"report": self.report})
        if not isinstance(block_mgr.start, _QuickStart):
            block_mgr.start = _QuickStart(block_mgr.start)
        if yaml.__with_libyaml__:
            pymdownx.blocks.get_frontmatter = read_header_options


def read_header_options(text: str) -> dict[str, Any] | None:
    """Read a block's YAML options as `pymdownx.blocks.get_frontmatter` does, with libyaml.

    Blocks reads options with PyYAML's pure-Python loader, which made reading the options
    of a quiz cost more than building it; libyaml's safe loader gives the same values.
    None means the options are not a YAML mapping (the header is then not a block).
    """
    try:
        options = yaml.load(text, Loader=yaml.CSafeLoader)
    except Exception:  # as in Blocks: whatever fails to load is not options
        return None
    if options is None:
        return {}
    return options if isinstance(options, dict) else None


class _QuickStart:
    """The Blocks manager's start pattern, tried only on text that holds `///` at all.

    The manager searches every block of every page with a pattern that cannot skip ahead,
    which costs as much as a whole block extension; a block header needs three slashes, so
    looking for them first gives the same answers for a fraction of the time.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if "///" in text else None

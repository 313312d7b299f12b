"""A quiz as an author writes it: its question, options, feedback and explanation.

Authors write:

    /// quiz | You must stop anyone from pushing an image over an existing tag. What do you configure?
        goal: G3
    - [ ] A lifecycle policy

        Lifecycle policies expire old images; they do not protect tags.

    - [x] Tag immutability on the repository

    With tag immutability ECR refuses a push that reuses a tag.
    ///

The argument is the question; the options under the header (indented four spaces) are
YAML; the first task list holds the answers to choose from (`[x]` for each correct one);
Markdown indented under an option is its feedback; what follows the list is the
explanation, and what precedes it belongs to the question. With the `answer` option the
quiz is a fill-in question instead. `read_quiz` raises `QuizError` for every mistake, with
what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

RE_MARKER = re.compile(r"^\[(?P<mark>[ xX])\][ \t]+")
RE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RE_GOAL = re.compile(r"^G[1-9][0-9]*$")
# Options an author writes; `from` is written by the Self-check collection only.
OPTION_NAMES = ("answer", "goal", "id", "multiple")
RE_OPTION_AS_TEXT = re.compile(rf"^(?P<line>(?:{'|'.join(OPTION_NAMES)})[ \t]*:.*)$", re.M)


class QuizError(ValueError):
    """An author's mistake in a quiz block; the message says what is wrong and how to fix it.

    `text` is a piece of the quiz's source that shows where the mistake is, when that is
    not the header line.
    """

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text


@dataclass
class Option:
    """One choice of a multiple-choice quiz."""

    label: str
    correct: bool
    feedback: list[etree.Element] = field(default_factory=list)


@dataclass
class Source:
    """Where a quiz copied onto the Self-check page is taught: its page, line and section."""

    file: str
    line: int
    href: str
    title: str


@dataclass
class Quiz:
    """A quiz read from its block, ready to render."""

    question: str
    id: str
    options: list[Option] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    multiple: bool = False
    goal: str | None = None
    stem: list[etree.Element] = field(default_factory=list)
    explanation: list[etree.Element] = field(default_factory=list)
    source: Source | None = None

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
    result: dict[str, Any] = {"answer": [], "goal": None, "id": None, "multiple": False, "from": None}
    for key, value in options.items():
        if key == "from":
            result["from"] = _read_from(name, value)
            continue
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


def _read_goal(name: str, value: Any) -> str:
    if not isinstance(value, str) or not RE_GOAL.match(value):
        raise QuizError(f"{name} option 'goal' must be a learning goal of the Home page, like G3; got {value!r}")
    return value


def _read_id(name: str, value: Any) -> str:
    if not isinstance(value, str) or not RE_ID.match(value):
        raise QuizError(
            f"{name} option 'id' must be lowercase letters, digits and hyphens, like ecr-tags; got {value!r}"
        )
    return value


def _read_multiple(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise QuizError(f"{name} option 'multiple' must be true or false, not {value!r}")
    return value


def _read_from(name: str, value: Any) -> Source:
    try:
        return Source(str(value["file"]), int(value["line"]), str(value["href"]), str(value["title"]))
    except (TypeError, KeyError, ValueError):
        raise QuizError(f"{name} option 'from' is written by the Self-check collection only; remove it") from None


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


def _text(el: etree.Element) -> str:
    return " ".join("".join(el.itertext()).split())


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
        question=question,
        id=opts["id"] or quiz_id(question),
        answers=opts["answer"],
        multiple=opts["multiple"],
        goal=opts["goal"],
        source=opts["from"],
    )
    if body and body[0].tag == "p" and (m := RE_OPTION_AS_TEXT.match(body[0].text or "")):
        raise QuizError(
            f"{name} has its option '{m.group('line').strip()}' in the question text; "
            "indent options 4 spaces, on the lines right under the header",
            text=m.group("line").strip(),
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
    if len(lists) > 1:
        between = next((el for el in body[at + 1 : lists[1]] if _text(el)), None)
        if between is not None:
            words = short(_text(between))
            raise QuizError(
                f"{name} has text between its options ('{words}'), which ends the list of options; "
                "indent an option's feedback 4 spaces under the option, after a blank line",
                text=words.removesuffix("..."),
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

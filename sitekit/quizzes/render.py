"""The accessible markup of a quiz and of the page parts around quizzes, built with etree.

Without JavaScript a quiz is a question whose answer and explanation sit in a `<details>`,
and its buttons are not shown (a class the page sets when scripts run shows them, before
the first paint, so nothing moves). Text the author wrote stays element text, which
Markdown then renders; fixed texts are atomic, so Markdown leaves them alone.
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.util import AtomicString

from sitekit.quizzes.model import Quiz

if TYPE_CHECKING:
    from sitekit.quizzes.collection import Module

CHECK, RETRY, SUMMARY = AtomicString("Check answer"), AtomicString("Try again"), AtomicString("Answer and explanation")
HINTS = {"single": AtomicString("Choose one answer."), "multiple": AtomicString("Choose every answer that applies.")}


def _sub(
    parent: etree.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None
) -> etree.Element:
    el = etree.SubElement(parent, tag, attrs or {})
    el.text = text
    return el


def render_quiz(root: etree.Element, quiz: Quiz) -> None:
    """Replace the children of `root` with the quiz's form, in place."""
    root.clear()
    root.tag = "div"
    attrs = {"class": "quiz", "id": quiz.id, "data-quiz": quiz.id, "data-quiz-kind": quiz.kind}
    if quiz.goal:
        attrs["data-quiz-goal"] = quiz.goal
    if quiz.source:  # a copy on the Self-check page: search finds the original
        attrs.update({"data-source-file": quiz.source.file, "data-search-exclude": ""})
    root.attrib.update(attrs)
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
            label = _sub(row, "label")
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
    if quiz.source:
        back = _sub(root, "p", {"class": "quiz__source"}, AtomicString("Learn it in "))
        _sub(back, "a", {"href": quiz.source.href}, quiz.source.title)


def render_invalid(root: etree.Element, message: str) -> None:
    """Show, in place of a quiz, what is wrong with it (the build reports it too)."""
    root.clear()
    root.tag = "div"
    root.attrib.update({"class": "quiz quiz--invalid", "role": "note"})
    _sub(root, "p", {"class": "quiz__error-title"}, AtomicString("This quiz has a mistake"))
    _sub(root, "p", {}, AtomicString(message))


def number_quizzes(quizzes: list[etree.Element]) -> None:
    """Start each quiz's question with its number on the page: "Question 3 of 8"."""
    total = len(quizzes)
    for number, quiz in enumerate(quizzes, start=1):
        legend = quiz.find("./form/fieldset/legend")
        if legend is None:
            continue
        mark = etree.Element("span", {"class": "quiz__number"})
        mark.text = AtomicString(f"Question {number} of {total}")
        mark.tail = legend.text
        legend.text = None
        legend.insert(0, mark)


def score_box(quizzes: list[etree.Element]) -> etree.Element:
    """The page's score, its list of questions and its reset button, below the title.

    The script fills in the numbers from the learner's progress; the list lets a learner
    find every question from the top of the page.
    """
    box = etree.Element("div", {"class": "quiz-score", "data-quiz-score": "", "data-search-exclude": ""})
    text = _sub(box, "p", {"class": "quiz-score__text"}, AtomicString("Your score on this page: "))
    total = len(quizzes)
    _sub(text, "strong", {"data-quiz-score-value": ""}, AtomicString(f"0 of {total} answered correctly"))
    _sub(
        box,
        "button",
        {"type": "button", "class": "md-button quiz-score__reset", "data-quiz-reset": ""},
        "Reset answers",
    )
    listing = _sub(box, "details", {"class": "quiz-score__list"})
    _sub(listing, "summary", {}, AtomicString(f"The {total} question{'s' if total != 1 else ''} on this page"))
    items = _sub(listing, "ol")
    for quiz in quizzes:
        legend = quiz.find("./form/fieldset/legend")
        item = _sub(items, "li", {"data-quiz-entry": quiz.get("data-quiz", "")})
        words = " ".join("".join(legend.itertext()).split()) if legend is not None else ""
        _sub(item, "a", {"href": f"#{quiz.get('id')}"}, AtomicString(words))
    return box


def progress(parent: etree.Element, module: Module) -> etree.Element:
    """The Self-check breakdown: the overall score, then each page's and each goal's.

    Every number starts at zero; the script counts the learner's answers into it.
    """
    manifest = module.manifest()
    pages = manifest["pages"]
    total = sum(len(page["quizzes"]) for page in pages) + len(
        next((p.quizzes for p in module.pages if p.uri == module.collector), [])
    )
    box = _sub(parent, "section", {"class": "quiz-progress", "data-quiz-progress": "", "data-search-exclude": ""})
    box.set("aria-label", "Your progress")
    overall = _sub(box, "p", {"class": "quiz-progress__overall"}, AtomicString("Your overall score: "))
    _sub(overall, "strong", {"data-quiz-score-value": ""}, AtomicString(f"0 of {total} answered correctly"))
    _sub(box, "p", {"class": "quiz-progress__done", "data-quiz-done": "", "hidden": "hidden"})
    actions = _sub(box, "div", {"class": "quiz-progress__actions"})
    review = _sub(
        actions,
        "button",
        {"type": "button", "class": "md-button md-button--primary", "data-quiz-review": "", "aria-pressed": "false"},
        AtomicString("Review missed questions"),
    )
    _sub(review, "span", {"data-quiz-missed-count": ""}, AtomicString(" (0)"))
    _sub(actions, "button", {"type": "button", "class": "md-button", "data-quiz-reset-all": ""}, "Reset every answer")
    _sub(box, "div", {"class": "quiz-progress__undo", "data-quiz-undo": "", "role": "status"})

    here = posixpath.dirname(module.collector or "")
    table = _table(box, "Correct answers by page", ("Page", "Correct", "Answers"))
    for page, entry in zip([p for p in module.pages if p.quizzes and p.uri != module.collector], pages, strict=True):
        row = _sub(table, "tr", {"data-quiz-page": entry["url"]})
        link = _sub(_sub(row, "td"), "a", {"href": posixpath.relpath(page.uri, here or ".")})
        link.text = AtomicString(page.title)
        _sub(row, "td", {"data-quiz-page-score": ""}, AtomicString(f"0 of {len(entry['quizzes'])}"))
        reset = {"type": "button", "class": "md-button quiz-progress__reset", "data-quiz-reset-page": entry["url"]}
        reset["aria-label"] = f"Reset answers on {page.title}"
        _sub(_sub(row, "td"), "button", reset, AtomicString("Reset"))
    goals = _table(box, "Correct answers by learning goal", ("Learning goal", "Correct"))
    counts = {goal["id"]: 0 for goal in manifest["goals"]}
    for page in module.pages:
        for quiz in page.quizzes:
            if quiz.goal in counts and quiz.end is not None:
                counts[quiz.goal] += 1
    home = posixpath.relpath("index.md", here or ".") + "#learning-goals"
    for goal in manifest["goals"]:
        row = _sub(goals, "tr", {"data-quiz-goal-row": goal["id"]})
        link = _sub(_sub(row, "td"), "a", {"href": home})
        link.text = AtomicString(f"{goal['id']} · {goal['title']}")
        _sub(row, "td", {"data-quiz-goal-score": ""}, AtomicString(f"0 of {counts[goal['id']]}"))
    return box


def _table(parent: etree.Element, caption: str, headings: tuple[str, ...]) -> etree.Element:
    """A table with a caption and column headings; returns its body."""
    table = _sub(parent, "table", {"class": "quiz-progress__table"})
    _sub(table, "caption", {}, AtomicString(caption))
    head = _sub(_sub(table, "thead"), "tr")
    for heading in headings:
        _sub(head, "th", {"scope": "col"}, AtomicString(heading))
    return _sub(table, "tbody")

"""Authors' mistakes in quizzes, each with its file and line.

A page is checked in two steps that every builder can run: `PageCheck.report` hears about
each quiz block as Markdown reads it (the extension's `report` option), and
`PageCheck.check_rendered` compares the page's source with what was rendered, so that a
quiz that never became one (left as text, swallowed by a code block or by an unclosed block)
is named, and options that would show their answers as text are caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from sitekit import markdown_scan
from sitekit.findings import Finding
from sitekit.quizzes import source as sources
from sitekit.quizzes.model import Quiz, QuizError, short

RE_LEFTOVER = re.compile(r"<p>/{3,}[ \t]*quiz(?![\w-])", re.I)
RE_RENDERED = re.compile(r'<div class="quiz(?: quiz--invalid)?"(?P<attrs>[^>]*)>')
RE_OPTION_LINE = re.compile(r"^[ \t>]*[-*+][ \t]+\[[ xX]\][ \t]+\S")


def why_not_read(quiz: sources.QuizSource) -> str:
    """Explain why Markdown did not take a quiz header as the start of a quiz block."""
    if quiz.options:
        try:
            options = yaml.safe_load(quiz.options)
        except yaml.YAMLError as error:
            problem = str(error).split("\n")[0]
            return (
                f"{quiz.name} has options that are not valid YAML ({problem}); "
                "write each as key: value, indented 4 spaces"
            )
        if not isinstance(options, dict):
            return f"{quiz.name} has options that are not key: value pairs; write each as key: value, indented 4 spaces"
    return (
        f"{quiz.name} was not read as a quiz; start it at the left edge of its container, "
        "with its options (if any) indented 4 spaces"
    )


@dataclass
class PageCheck:
    """The quizzes of one page as written and as rendered, and the mistakes found in them."""

    source: str  # the page's file as messages name it: docs/ecr.md
    markdown: str  # the page's text after its front matter
    offset: int = 0  # lines the front matter took
    page: sources.PageSource = field(init=False)
    findings: list[Finding] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.page = sources.read_page(self.markdown, self.offset, sections=False)
        for problem in self.page.problems:
            self.add(problem.line, problem.message)

    def add(self, line: int, message: str, source: str | None = None) -> None:
        self.findings.append(Finding(source or self.source, line, message, check="quiz"))

    def line_of(self, question: str | None) -> int:
        """Return the line of the first header not yet matched that asks `question`."""
        question = (question or "").strip()
        for quiz in self.page.quizzes:
            if quiz.line not in self.taken and quiz.question == question:
                self.taken.add(quiz.line)
                return quiz.line
        return self.page.quizzes[0].line if self.page.quizzes else 1

    def _line_of_text(self, start: int, text: str) -> int:
        """The line at or after `start` that holds `text` (the header's line if none does)."""
        lines = self.markdown.split("\n")
        for number in range(start, len(lines) + self.offset + 1):
            if text and text in lines[number - self.offset - 1]:
                return number
        return start

    def report(self, question: str | None, quiz: Quiz | None, error: QuizError | None) -> None:
        """Hear about one quiz block as Markdown finishes it."""
        if quiz is not None and quiz.source is not None:  # a copy: its own page reports it
            return
        line = self.line_of(question)
        if error is not None:
            self.add(self._line_of_text(line, error.text) if error.text else line, str(error))
        elif quiz is not None and quiz.id in self.ids:
            first = self.ids[quiz.id]
            self.add(
                line,
                f'quiz "{short(quiz.question)}" has the same id as the quiz on line {first}; '
                "ask each question once per page, or give one an id: option",
            )
        elif quiz is not None:
            self.ids[quiz.id] = line

    def check_rendered(self, html: str) -> None:
        """After rendering: name quizzes that never became one, and options left as text."""
        if not self.page.quizzes and "[x]" not in self.markdown and "[ ]" not in self.markdown:
            return  # nothing of a quiz in the page
        unclosed = {p.line for p in self.page.problems}
        # After a quiz that is not closed, Markdown reads the rest of its container as that
        # quiz: what goes wrong there follows from it, and is not reported again.
        cut = min(unclosed, default=None)
        left = len(RE_LEFTOVER.findall(html))
        for quiz in self.page.quizzes:
            if quiz.line in self.taken or quiz.line in unclosed or (cut is not None and quiz.line > cut):
                continue
            if left:
                self.add(quiz.line, why_not_read(quiz))
                left -= 1
            else:
                self.add(
                    quiz.line,
                    f"{quiz.name} did not become a quiz: it is inside another block or an indented code block; "
                    "close the block above it with /// and start the quiz at the left edge of its container",
                )
        inside = {
            n for q in self.page.quizzes for n in range(q.line - self.offset, (q.end or q.line) - self.offset + 1)
        }
        code = markdown_scan.code_lines(self.markdown)
        for number, line in enumerate(self.markdown.split("\n"), start=1):
            if cut is not None and number + self.offset > cut:
                break
            if number not in inside and number not in code and RE_OPTION_LINE.match(line):
                self.add(
                    number + self.offset,
                    f"the option '{short(line.strip(), 30)}' is outside any quiz, so it shows as text and gives the "
                    "answer away; put it inside a /// quiz block, or close the quiz above it only after its options",
                )
                break

"""Quizzes across pages: where each is written, what each page holds, and the collection.

The Markdown side (`quiz_block`) builds one quiz at a time. This module knows the pages:
it finds each quiz header's line in the source so errors name it, reads the quizzes back
out of a rendered page, and moves copies onto the page that collects them all, with their
links rebased and a link back to the section that teaches each.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import yaml
from mkdocs.utils import get_relative_url

import html_regions
import markdown_scan
from quiz_block import Quiz, QuizError, short

RE_HEADER = re.compile(r"^[ \t>]*(?P<slashes>/{3,})[ \t]*quiz(?![\w-])[ \t]*(?:\|[ \t]*(?P<arg>.*?))?[ \t]*$", re.I)
RE_END = re.compile(r"^[ \t>]*(?P<slashes>/{3,})[ \t]*$")
RE_LEFTOVER = re.compile(r"<p>/{3,}[ \t]*quiz(?![\w-])", re.I)
RE_QUIZ_START = re.compile(r'<div class="quiz"[^>]*? data-quiz="(?P<id>[^"]+)"')
RE_HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]+)"[^>]*>(?P<title>.*?)</h(?P=level)>', re.S)
RE_TAG = re.compile(r"<[^>]+>")
RE_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
SITE = "https://site.invalid/"  # a base to resolve site-relative URLs against
RE_URL_ATTR = re.compile(r'(?P<name>\s(?:href|src))="(?P<url>[^"]*)"')


@dataclass
class Header:
    """A `/// quiz` header line in a Markdown source."""

    line: int
    question: str
    options: str = ""
    closed: bool = True


def find_headers(markdown: str) -> list[Header]:
    """Return the quiz headers of a Markdown text, outside code fences, in order."""
    if "///" not in markdown:
        return []
    lines = markdown.split("\n")
    code = markdown_scan.code_lines(markdown)
    # A header and its end both hold three slashes: only those lines need a closer look.
    marks = [n for n, line in enumerate(lines, start=1) if "///" in line and n not in code]
    headers = []
    for i, number in enumerate(marks):
        m = RE_HEADER.match(lines[number - 1])
        if not m:
            continue
        header = Header(line=number, question=(m.group("arg") or "").strip())
        options = []
        for follow in range(number + 1, len(lines) + 1):
            text = lines[follow - 1]
            if follow in code or not text.startswith("    ") or not text.strip():
                break
            options.append(text)
        header.options = "\n".join(options)
        header.closed = any(
            (end := RE_END.match(lines[n - 1])) and len(end.group("slashes")) == len(m.group("slashes"))
            for n in marks[i + 1 :]
        )
        headers.append(header)
    return headers


def why_not_read(header: Header) -> str:
    """Explain why Markdown did not take a quiz header as the start of a quiz block."""
    name = f'quiz "{short(header.question)}"' if header.question else "quiz"
    if header.options:
        try:
            options = yaml.safe_load(header.options)
        except yaml.YAMLError as error:
            problem = str(error).split("\n")[0]
            return (
                f"{name} has options that are not valid YAML ({problem}); write each as key: value, indented 4 spaces"
            )
        if not isinstance(options, dict):
            return f"{name} has options that are not key: value pairs; write each as key: value, indented 4 spaces"
    return (
        f"{name} was not read as a quiz; start it at the left edge of its container, "
        "with its options (if any) indented 4 spaces"
    )


@dataclass
class PageQuizzes:
    """The quizzes of one page as Markdown renders it, and the mistakes found in them."""

    source: str
    headers: list[Header]
    errors: list[str] = field(default_factory=list)
    quizzes: dict[str, int] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)

    def line_of(self, question: str | None) -> int:
        """Return the line of the first header not yet matched that asks `question`."""
        question = (question or "").strip()
        for header in self.headers:
            if header.line not in self.taken and header.question == question:
                self.taken.add(header.line)
                return header.line
        return self.headers[0].line if self.headers else 1

    def report(self, question: str | None, quiz: Quiz | None, error: QuizError | None) -> None:
        """Hear about one quiz block as Markdown finishes it."""
        line = self.line_of(question)
        if error is not None:
            self.errors.append(f"{self.source}:{line}: {error}")
        elif quiz is not None and quiz.id in self.quizzes:
            first = self.quizzes[quiz.id]
            self.errors.append(
                f'{self.source}:{line}: quiz "{short(quiz.question)}" has the same id as the quiz on line {first}; '
                "ask each question once per page, or give one an id: option"
            )
        elif quiz is not None:
            self.quizzes[quiz.id] = line

    def check_rendered(self, content: str) -> None:
        """After rendering: report quiz headers left as text, and blocks never closed."""
        left = len(RE_LEFTOVER.findall(content))
        for header in self.headers:
            if left and header.line not in self.taken:
                self.errors.append(f"{self.source}:{header.line}: {why_not_read(header)}")
                left -= 1
            elif not header.closed:
                name = f'quiz "{short(header.question)}"' if header.question else "quiz"
                self.errors.append(f"{self.source}:{header.line}: {name} is not closed; end it with a line of ///")


@dataclass
class RenderedQuiz:
    """A quiz as it stands in a rendered page, with the section that teaches it."""

    id: str
    html: str
    section_id: str | None
    section_title: str


def heading_text(markup: str) -> str:
    """Return the plain text of a heading's inner HTML, without its permalink."""
    return html.unescape(RE_TAG.sub("", RE_HEADERLINK.sub("", markup))).strip()


def extract_quizzes(content: str) -> list[RenderedQuiz]:
    """Return the quizzes of a rendered page in order, each with the heading above it."""
    headings = [(m.start(), m.group("id"), heading_text(m.group("title"))) for m in RE_HEADING.finditer(content)]
    quizzes = []
    for m in RE_QUIZ_START.finditer(content):
        end = html_regions.element_end(content, m.start())
        above = [h for h in headings if h[0] < m.start()]
        section_id, title = (above[-1][1], above[-1][2]) if above else (None, "")
        quizzes.append(RenderedQuiz(m.group("id"), content[m.start() : end], section_id, title))
    return quizzes


def rebase_links(markup: str, from_page: str, to_page: str) -> str:
    """Rewrite the relative links of HTML taken from one page so they work on another."""

    def rebase(m: re.Match[str]) -> str:
        url = html.unescape(m.group("url"))
        if not url or urlsplit(url).scheme or url.startswith("/"):
            return m.group(0)
        target = urlsplit(urljoin(SITE + from_page, url))
        new = get_relative_url(target.path, "/" + to_page)
        if target.query:
            new += f"?{target.query}"
        if target.fragment:
            new += f"#{target.fragment}"
        return f'{m.group("name")}="{html.escape(new, quote=True)}"'

    return RE_URL_ATTR.sub(rebase, markup)


RE_LEGEND = re.compile(r'<legend class="quiz__question">(.*?)</legend>', re.S)
RE_LABEL = re.compile(r"<label>(.*?)</label>", re.S)


def searchable(content: str, quizzes: list[RenderedQuiz]) -> str:
    """Return the page content with each quiz reduced to its question and options.

    The search index needs the words a learner may look for, not the form around them nor
    the answers; the full quizzes go back into the page before it is written.
    """
    for quiz in quizzes:
        words = [RE_TAG.sub("", m) for m in (*RE_LEGEND.findall(quiz.html), *RE_LABEL.findall(quiz.html))]
        content = content.replace(quiz.html, f"<p>{' '.join(w.strip() for w in words)}</p>", 1)
    return content

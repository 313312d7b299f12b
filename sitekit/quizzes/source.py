"""Quizzes in Markdown sources: where each starts and ends, what it asks, and under which section.

The builders render quizzes one block at a time; this module reads a page's source as an
author wrote it, so that a mistake can name its line, a quiz that never reached the page can
be named, and other pages' quizzes can be copied onto the Self-check page.
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from dataclasses import dataclass, field

import yaml

from sitekit import markdown_scan
from sitekit.project import SafeLoader
from sitekit.quizzes.model import quiz_id, short

RE_BLOCK_START = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<slashes>/{3,})[ \t]*(?P<name>[\w-]+)(?:[ \t]*\|[ \t]*(?P<arg>.*?))?[ \t]*$"
)
RE_QUIZ_HEADER = re.compile(
    r"^[ \t>]*(?P<slashes>/{3,})[ \t]*quiz(?![\w-])[ \t]*(?:\|[ \t]*(?P<arg>.*?))?[ \t]*$", re.I
)
RE_BLOCK_END = re.compile(r"^[ \t>]*(?P<slashes>/{3,})[ \t]*$")
RE_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$")
RE_ATTR_ID = re.compile(r"#(?P<id>[\w-]+)")
RE_INLINE_LINK = re.compile(r"(?P<before>\]\(|\shref=\")(?P<url>[^)\s\"]+)")
RE_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
COLLECTION = "quiz-collection"
PROGRESS = "quiz-progress"


@dataclass
class QuizSource:
    """A quiz block as written: its lines, question, options, and the section above it."""

    line: int
    question: str
    slashes: int
    indent: str = ""
    options: str = ""
    end: int | None = None
    lines: list[str] = field(default_factory=list)
    section_id: str = ""
    section_title: str = ""
    _options: dict | bool | None = field(default=False, repr=False)

    @property
    def name(self) -> str:
        return f'quiz "{short(self.question)}"' if self.question else "quiz"

    def read_options(self) -> dict | None:
        """The YAML options, or None when they are not a mapping (read once)."""
        if self._options is False:
            try:
                options = yaml.load(self.options, Loader=SafeLoader) if self.options.strip() else {}
            except yaml.YAMLError:
                options = None
            self._options = options if isinstance(options, dict) else None
        return self._options  # type: ignore[return-value]

    @property
    def id(self) -> str:
        options = self.read_options() or {}
        return options["id"] if isinstance(options.get("id"), str) else quiz_id(self.question)

    @property
    def goal(self) -> str | None:
        options = self.read_options() or {}
        return options.get("goal") if isinstance(options.get("goal"), str) else None


@dataclass
class Problem:
    """A structural mistake found in the source: the line and the message."""

    line: int
    message: str


@dataclass
class PageSource:
    """What a page's source holds: its quizzes, the blocks that collect them, and mistakes."""

    quizzes: list[QuizSource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    collection: int | None = None  # the line of a `/// quiz-collection` block
    progress: int | None = None  # the line of a `/// quiz-progress` block


def slugify(title: str) -> str:
    """The id Python-Markdown's `toc` gives a heading without an explicit id."""
    from markdown.extensions.toc import slugify as toc_slugify

    return toc_slugify(title, "-")


def _plain_title(title: str) -> str:
    return re.sub(r"[*_`]", "", title).strip()


def read_page(markdown: str, offset: int = 0, sections: bool = True) -> PageSource:
    """Read the quiz blocks of a page's Markdown (without front matter).

    Args:
        markdown: The source.
        offset: Lines before it in the file (the front matter), added to every line number.
        sections: Also note the section each quiz is in (the Self-check collection needs it;
            the checks do not).
    """
    page = PageSource()
    if "///" not in markdown:
        return page
    lines = markdown.split("\n")
    code = markdown_scan.code_lines(markdown)
    stack: list[tuple[str, int, QuizSource | None]] = []  # (block name, slashes, quiz)
    section_id, section_title = "", ""
    for index, text in enumerate(lines):
        number = index + 1
        if number in code:
            continue
        if sections and text.startswith("#") and (h := RE_HEADING.match(text)):
            attrs = RE_ATTR_ID.search(h.group("attrs") or "")
            section_title = _plain_title(h.group("title"))
            section_id = attrs.group("id") if attrs else slugify(section_title)
            continue
        if "///" not in text:
            continue
        if end := RE_BLOCK_END.match(text):
            slashes = len(end.group("slashes"))
            while stack and stack[-1][1] != slashes:
                stack.pop()
            if stack:
                _, _, quiz = stack.pop()
                if quiz is not None:
                    quiz.end = number + offset
                    quiz.lines = lines[quiz.line - offset - 1 : number]
            continue
        start = RE_BLOCK_START.match(text)
        if start is None:
            continue
        name, slashes = start.group("name").lower(), len(start.group("slashes"))
        if name == COLLECTION:
            page.collection = number + offset
        if name == PROGRESS:
            page.progress = number + offset
        if name != "quiz":
            stack.append((name, slashes, None))
            continue
        quiz = QuizSource(
            line=number + offset,
            question=(start.group("arg") or "").strip(),
            slashes=slashes,
            indent=start.group("indent"),
            section_id=section_id,
            section_title=section_title,
        )
        options = []
        for follow in range(index + 1, len(lines)):
            if follow + 1 in code or not lines[follow].startswith(quiz.indent + "    ") or not lines[follow].strip():
                break
            options.append(lines[follow][len(quiz.indent) :])
        quiz.options = textwrap.dedent("\n".join(options))
        open_quiz = next((q for _, s, q in reversed(stack) if q is not None and s == slashes), None)
        if open_quiz is not None:
            page.problems.append(
                Problem(
                    open_quiz.line,
                    f"{open_quiz.name} is not closed before the next quiz starts on line {quiz.line}; "
                    "end it with a line of ///",
                )
            )
            while stack and stack[-1][2] is not open_quiz:
                stack.pop()
            stack.pop()
        stack.append(("quiz", slashes, quiz))
        page.quizzes.append(quiz)
    for _, _, quiz in stack:
        if quiz is not None:
            page.problems.append(Problem(quiz.line, f"{quiz.name} is not closed; end it with a line of ///"))
    return page


def rebase_links(markdown: str, from_uri: str, to_uri: str) -> str:
    """Rewrite the relative links of Markdown moved from one page to another.

    Links are written relative to the page they are on (`#tags`, `ecs.md#x`); on another
    page they must point to the same targets (`ecr.md#tags`).
    """
    from_dir, to_dir = posixpath.dirname(from_uri), posixpath.dirname(to_uri)

    def rebase(m: re.Match[str]) -> str:
        url = m.group("url")
        if RE_SCHEME.match(url) or url.startswith("/"):
            return m.group(0)
        path, hash_, fragment = url.partition("#")
        target = posixpath.normpath(posixpath.join(from_dir, path)) if path else from_uri
        new = posixpath.relpath(target, to_dir or ".") + hash_ + fragment
        return m.group("before") + new

    return RE_INLINE_LINK.sub(rebase, markdown)


def copy_for(quiz: QuizSource, from_uri: str, to_uri: str, source_file: str, page_title: str) -> str:
    """Return a quiz's block, written for another page, with a `from` option saying where
    it is taught (the Self-check page copies every quiz this way)."""
    body = [line[len(quiz.indent) :] if line.startswith(quiz.indent) else line.lstrip() for line in quiz.lines]
    section = f"#{quiz.section_id}" if quiz.section_id else ""
    href = posixpath.relpath(from_uri, posixpath.dirname(to_uri) or ".") + section
    title = f"{page_title}: {quiz.section_title}" if quiz.section_title else page_title
    origin = yaml.safe_dump(
        {"file": source_file, "line": quiz.line, "href": href, "title": title},
        default_flow_style=True,
        width=10_000,
        allow_unicode=True,
    ).strip()
    option_lines = len([line for line in quiz.options.split("\n") if line.strip()]) if quiz.options.strip() else 0
    header, options, rest = body[0], body[1 : 1 + option_lines], body[1 + option_lines :]
    text = "\n".join([header, *options, f"    from: {origin}", *rest])
    return rebase_links(text, from_uri, to_uri)

"""Where the fenced code blocks of a Markdown text are, by line.

Hooks report problems as `docs/page.md:LINE`, so they look things up in the Markdown source;
what sits inside a fenced code block there is code, not content.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

RE_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")


@dataclass(frozen=True)
class CodeFence:
    """A fenced code block: its first and last line (1-based), language and text."""

    start: int
    end: int
    language: str
    body: str
    info: str = ""  # everything after the backticks: language, title, attributes


@functools.lru_cache(maxsize=8)  # several checks read the same page in turn
def code_fences(markdown: str) -> tuple[CodeFence, ...]:
    """Return the fenced code blocks of a Markdown text, nested ones (in tabs, lists,
    admonitions or block quotes) included; a fence inside another is part of its text."""
    fences = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        m = RE_FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence = m.group("indent"), m.group("fence")
        info = m.group("info").strip().lstrip("{").strip()
        language = info.split()[0].lstrip(".") if info else ""
        body = []
        j = i + 1
        while j < len(lines):
            line = lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j].lstrip()
            closing = line.strip()
            if len(closing) >= len(fence) and set(closing) == {fence[0]}:
                break
            body.append(line)
            j += 1
        body_text = textwrap.dedent("\n".join(body))
        fences.append(CodeFence(start=i + 1, end=j + 1, language=language, body=body_text, info=m.group("info")))
        i = j + 1
    return tuple(fences)


@functools.lru_cache(maxsize=8)
def code_lines(markdown: str) -> frozenset[int]:
    """Return the numbers of the lines that belong to a fenced code block, fences included."""
    if "```" not in markdown and "~~~" not in markdown:
        return frozenset()
    return frozenset(n for fence in code_fences(markdown) for n in range(fence.start, fence.end + 1))


def lines_outside_code(markdown: str) -> Iterator[tuple[int, str]]:
    """Yield `(line number, line)` for every line that is not in a fenced code block."""
    inside = code_lines(markdown)
    for number, line in enumerate(markdown.split("\n"), start=1):
        if number not in inside:
            yield number, line

"""How a page reads: its reading time under the title, and words that search can tell apart.

A Python-Markdown extension (`markdown_extensions: - sitekit.reading`):

- "About 12 minutes to read" below the page's title, counted from its words at 200 words a
  minute (quiz answers and explanations included: they are read too);
- a line break after each tab label and each quiz option, so that the search index reads
  "Console AWS CLI" rather than "ConsoleAWS CLI";
- in long inline code and link text (an image URI, an ARN, a URL), a place to break a line
  after each `/`, `.`, `_`, `:` and `@`, so that on a phone such a name wraps at its
  punctuation instead of running out of its column or breaking inside a word.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

WORDS_PER_MINUTE = 200
RE_WORD = re.compile(r"\w+")
RE_BREAK_AFTER = re.compile(r"(?<=[/._:@])(?=[^/._:@\s<&])")
# Inline code (not in a code block) and link text of 21 characters or more, without markup
# inside: shorter names fit a phone's line as they are.
RE_LONG_NAME = re.compile(r"(?P<open><code>|<a [^>]*>)(?P<text>[^<]{21,})(?P<close></code>|</a>)")
RE_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def add_breaks(html: str) -> str:
    """Let long inline code and link text break after their punctuation, with `<wbr>`."""

    def breaks(m: re.Match[str]) -> str:
        return m.group("open") + RE_BREAK_AFTER.sub("<wbr>", m.group("text")) + m.group("close")

    parts = RE_PRE.split(html)  # code blocks keep their lines as they are
    return "".join(part if i % 2 else RE_LONG_NAME.sub(breaks, part) for i, part in enumerate(parts))


class BreaksPostprocessor(Postprocessor):
    """After Markdown has put back the code it set aside (highlighted inline code comes back
    only here), give long names their places to break."""

    def run(self, text: str) -> str:
        return add_breaks(text) if "<code>" in text or "<a " in text else text


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ReadingTreeprocessor(Treeprocessor):
    """Add the reading time below the title; separate the words of adjacent labels."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            cls = el.get("class", "")
            if "tabbed-labels" in cls:
                for label in el:
                    label.tail = (label.tail or "") + "\n"
            elif cls in ("quiz__option", "quiz__hint", "quiz__question"):
                el.tail = (el.tail or "") + "\n"
        title = next((i for i, el in enumerate(root) if el.tag == "h1"), None)
        if title is None:
            return
        words = len(RE_WORD.findall(" ".join(root.itertext())))
        note = etree.Element("p", {"class": "page-reading-time", "data-search-exclude": ""})
        minutes = reading_minutes(words)
        note.text = AtomicString(f"About {minutes} minute{'s' if minutes != 1 else ''} to read")
        root.insert(title + 1, note)


class ReadingExtension(Extension):
    """Registers the reading time and the label separators."""

    def extendMarkdown(self, md: Markdown) -> None:
        """After inline Markdown and the table of contents (5), before the quizzes' score (4)."""
        md.treeprocessors.register(ReadingTreeprocessor(md), "reading", 4.5)
        md.postprocessors.register(BreaksPostprocessor(md), "reading-breaks", 5)


def makeExtension(**kwargs: Any) -> ReadingExtension:
    """Return the extension, as Python-Markdown expects of a module named in its list."""
    return ReadingExtension(**kwargs)

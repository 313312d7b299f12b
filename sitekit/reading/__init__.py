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
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

WORDS_PER_MINUTE = 200
RE_WORD = re.compile(r"\w+")
RE_BREAK_AFTER = re.compile(r"(?<=[/._:@])(?=[^/._:@\s])")
LONG = 20  # characters: shorter names fit a phone's line as they are


def add_breaks(el: etree.Element) -> None:
    """Let the text of `el` (no children) break after its punctuation, with `<wbr>`."""
    text = el.text or ""
    parts = RE_BREAK_AFTER.split(text)
    if len(parts) < 2:
        return
    atomic = isinstance(text, AtomicString)
    el.text = AtomicString(parts[0]) if atomic else parts[0]
    for part in parts[1:]:
        wbr = etree.SubElement(el, "wbr")
        wbr.tail = AtomicString(part) if atomic else part


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ReadingTreeprocessor(Treeprocessor):
    """Add the reading time below the title; separate the words of adjacent labels."""

    def run(self, root: etree.Element) -> None:
        in_pre = {id(code) for pre in root.iter("pre") for code in pre.iter("code")}
        for el in root.iter():
            if el.tag in ("code", "a") and not len(el) and len(el.text or "") > LONG and id(el) not in in_pre:
                add_breaks(el)
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


def makeExtension(**kwargs: Any) -> ReadingExtension:
    """Return the extension, as Python-Markdown expects of a module named in its list."""
    return ReadingExtension(**kwargs)

"""The glossary: one file, `includes/abbreviations.md`, for every tooltip and the Glossary page.

Each entry is an abbreviation as Python-Markdown's `abbr` extension writes it, then its
meaning, indented:

    *[ECR]: Amazon Elastic Container Registry
        The AWS service that stores container images in private and public repositories.

A Python-Markdown extension (`markdown_extensions: - sitekit.glossary`, after `abbr`):
every page gets the abbreviations as tooltips, and a `/// glossary` block shows every
entry, with its expansion and meaning.

An abbreviation is marked at its first use in each part of a page a reader may land on or
see alone: each section under a level-2 heading, and each quiz (the Self-check page shows a
quiz on its own when a learner reviews missed questions). Its later uses in that part are
plain text, as style guides spell a term out once: marking all of them gave a long page
hundreds of abbreviations, each an element a phone styles and lays out on every visit.
The tooltips themselves are one element for the page, shown by the theme's script
(`overrides/assets/javascripts/theme.js`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

RE_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<expansion>.*\S)[ \t]*$")


@dataclass(frozen=True)
class Entry:
    """A term, what it stands for, and what it means."""

    term: str
    expansion: str
    meaning: str
    line: int


class GlossaryError(ValueError):
    """A mistake in the glossary file: the message names the line and how to fix it."""


def read_glossary(text: str, file: str = "includes/abbreviations.md") -> list[Entry]:
    """Read the glossary file's entries, in order.

    Raises:
        GlossaryError: for a line that is neither an entry nor its meaning.
    """
    entries: list[Entry] = []
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if not line.strip():
            continue
        m = RE_ENTRY.match(line)
        if m is None:
            raise GlossaryError(
                f"{file}:{number}: this line is not an entry; write *[TERM]: expansion, "
                "then its meaning on the next line, indented 4 spaces"
            )
        meaning = []
        while number < len(lines) and lines[number].startswith("    ") and lines[number].strip():
            meaning.append(lines[number].strip())
            number += 1
        entries.append(Entry(m.group("term"), m.group("expansion"), " ".join(meaning), number - len(meaning)))
    return entries


_cache: dict[tuple[str, float], list[Entry]] = {}


def load(path: Path) -> list[Entry]:
    """The entries of the glossary file, read again only when it changed."""
    key = (str(path), path.stat().st_mtime)
    if key not in _cache:
        _cache.clear()
        _cache[key] = read_glossary(path.read_text(encoding="utf-8"), path.as_posix())
    return _cache[key]


def term_id(term: str) -> str:
    """The id of a term on the Glossary page: `term-ci-cd` for CI/CD."""
    return "term-" + "-".join(re.findall(r"[a-z0-9]+", term.lower()))


class GlossaryBlock(Block):
    """`/// glossary`: every entry of the glossary, as a definition list."""

    NAME = "glossary"
    ARGUMENT = False
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        listing = etree.SubElement(parent, "dl", {"class": "glossary"})
        for entry in self.config["entries"]():
            term = etree.SubElement(listing, "dt", {"id": term_id(entry.term)})
            term.text = entry.term
            definition = etree.SubElement(listing, "dd")
            etree.SubElement(definition, "p", {"class": "glossary__expansion"}).text = entry.expansion
            if entry.meaning:
                etree.SubElement(definition, "p").text = entry.meaning
        return listing


def first_uses(root: etree.Element) -> int:
    """Unmark every `<abbr>` but the first of its term in each part; return how many."""
    repeated: list[tuple[etree.Element, int]] = []

    def walk(parent: etree.Element, seen: set[str]) -> None:
        for index, child in enumerate(parent):
            if child.tag == "h2":
                seen.clear()
            if child.tag == "abbr":
                if child.text in seen:
                    repeated.append((parent, index))
                seen.add(child.text or "")
            elif child.get("data-quiz"):
                walk(child, set())
            else:
                walk(child, seen)

    walk(root, set())
    for parent, index in reversed(repeated):  # from the end, so that indexes stay right
        abbr = parent[index]
        text = (abbr.text or "") + (abbr.tail or "")
        if index:
            parent[index - 1].tail = (parent[index - 1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(abbr)
    return len(repeated)


class FirstUseTreeprocessor(Treeprocessor):
    """After `abbr` has marked every use: keep the first in each part (see the module)."""

    def run(self, root: etree.Element) -> None:
        first_uses(root)


class GlossaryExtension(BlocksExtension):
    """Loads the glossary into `abbr` for every page, and registers the `/// glossary` block."""

    def __init__(self, **kwargs: Any) -> None:
        """Option `file`: the glossary, relative to the folder the builder runs in."""
        self.config = {"file": ["includes/abbreviations.md", "The glossary file"]}
        super().__init__(**kwargs)

    def entries(self) -> list[Entry]:
        return load(Path(self.getConfig("file")))

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        """Give `abbr` every abbreviation; register the block."""
        abbr = next((ext for ext in md.registeredExtensions if isinstance(ext, AbbrExtension)), None)
        if abbr is None:
            raise GlossaryError("mkdocs.yml: list abbr before sitekit.glossary in markdown_extensions")
        glossary = {entry.term: entry.expansion for entry in self.entries()}
        abbr.load_glossary(glossary)
        abbr.abbrs.update(glossary)
        block_mgr.register(GlossaryBlock, {"entries": self.entries})
        md.treeprocessors.register(FirstUseTreeprocessor(md), "glossary-first-use", 6.5)


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    """Return the extension, as Python-Markdown expects of a module named in its list."""
    return GlossaryExtension(**kwargs)

"""Tables in a frame of their own, so that the theme's set-up restyles only the table.

A Python-Markdown extension (`markdown_extensions: - sitekit.tables`, after `tables`). At
start-up the theme takes each table out of the page and puts it back inside a scrolling
wrapper. Where the table stands directly in the article, that change to the article's own
list of children makes the browser restyle the whole article, once per table: on the ECR
page, about 2,000 elements each time, on a phone's slow processor. Wrapped here in a plain
`<div class="table-frame">` (no style of its own: the theme's wrapper sits inside it and
keeps its margins), a table changes only its frame's children.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

FRAME = "table-frame"


def frame_tables(root: etree.Element) -> None:
    """Wrap each `<table>` under `root` in a frame, in place (a framed table stays as it is)."""
    for parent in list(root.iter()):
        if parent.get("class") == FRAME:
            continue
        for index, child in enumerate(list(parent)):
            if child.tag != "table":
                continue
            frame = etree.Element("div", {"class": FRAME})
            frame.tail, child.tail = child.tail, None
            parent.remove(child)
            frame.append(child)
            parent.insert(index, frame)


class TableFrameTreeprocessor(Treeprocessor):
    """Puts every table of the page in its frame."""

    def run(self, root: etree.Element) -> None:
        frame_tables(root)


class TableExtension(Extension):
    """Registers the table frames."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Last but the unescaping (0): after every block and inline processor has built the tree.
        md.treeprocessors.register(TableFrameTreeprocessor(md), "table-frame", 3)


def makeExtension(**kwargs) -> TableExtension:
    return TableExtension(**kwargs)

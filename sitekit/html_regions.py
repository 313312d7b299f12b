"""Regions of rendered HTML that hooks need to find without a full HTML parser."""

from __future__ import annotations

import re

RE_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def element_end(markup: str, start: int) -> int:
    """Return the index just past the end tag of the element whose start tag is at `start`.

    Counts start and end tags of the same name, so nested elements of that name are skipped.
    The markup is taken to be well formed, as Markdown and the theme write it.
    """
    m = RE_TAG_NAME.match(markup, start)
    if m is None:
        raise ValueError(f"no start tag at {start}")
    name = m.group(1)
    tags = re.compile(rf"<(/?){name}\b", re.I)
    depth = 0
    for tag in tags.finditer(markup, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return markup.index(">", tag.end()) + 1
    return len(markup)

"""Highlighted code with no markup that draws nothing.

A Python-Markdown extension (`markdown_extensions: - sitekit.highlight`, after
`pymdownx.highlight`): Pygments wraps each run of spaces between the words of a command in
its own `<span class="w">`, which no style colours. A page of AWS CLI examples had more of
them than of any other element (541 of the ECR page's 3,300), and every element is styled
and laid out each time the theme's script measures the page on a phone. The spaces stay;
only their wrapper goes.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

RE_SPACE_TOKEN = re.compile(r'<span class="w">(\s*)</span>')


def unwrap_spaces(html: str) -> str:
    """The HTML with each whitespace token's `<span class="w">` replaced by its spaces."""
    return RE_SPACE_TOKEN.sub(r"\1", html) if '<span class="w">' in html else html


class SpacesPostprocessor(Postprocessor):
    """After Markdown has put back the highlighted code it set aside."""

    def run(self, text: str) -> str:
        return unwrap_spaces(text)


class HighlightExtension(Extension):
    """Registers the postprocessor, after the one that puts back set-aside HTML (30)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(SpacesPostprocessor(md), "highlight-spaces", 25)


def makeExtension(**kwargs: object) -> HighlightExtension:
    """Return the extension, as Python-Markdown expects of a module named in its list."""
    return HighlightExtension(**kwargs)

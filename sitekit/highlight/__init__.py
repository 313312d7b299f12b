"""Highlighted code with no markup that draws nothing.

A Python-Markdown extension (`markdown_extensions: - sitekit.highlight`, after
`pymdownx.highlight`): Pygments wraps each run of spaces between the words of a command in
its own `<span class="w">`, which no style colours. A page of AWS CLI examples had more of
them than of any other element (541 of the ECR page's 3,300), and every element is styled
and laid out each time the theme's script measures the page on a phone. The spaces stay;
only their wrapper goes.

Each block's `<code>` is also made reachable by keyboard from the start (`tabindex="0"`). The
theme mounts a code block (copy button, annotations, and a tab stop if its lines scroll
sideways) only when it scrolls into view (`content.lazy`), so that a long page starts
without measuring every block; until then a block that scrolls sideways on a phone must
still be reachable by Tab. Once mounted, the theme takes the tab stop off the blocks that do
not scroll.

The numbered list after a block whose comments hold annotation markers, `# (1)!`, is the
block's annotations: the theme moves each item into the block when it mounts it. Marked here
(`class="code-annotations"`), the list waits out of sight (theme.css) instead of standing
under the block until the block scrolls into view and then vanishing, which moved the text a
reader scrolling back up was reading. Screen readers still read it, and it shows without
scripts and in print.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

RE_SPACE_TOKEN = re.compile(r'<span class="w">(\s*)</span>')
CODE_BLOCK_START = "<pre><span></span><code>"
# A highlighted block and the numbered list right after it.
RE_BLOCK_THEN_LIST = re.compile(
    r'(<div class="[^"]*\bhighlight\b[^"]*"><pre>(?:(?!</pre>).)*</pre></div>\s*)<ol>', re.S
)
# A marker as the theme finds it: "(1)" in a comment token (Pygments' c, c1 or cm).
RE_MARKER = re.compile(r'<span class="(?:c|c1|cm)">[^<]*\(\d+\)')


def unwrap_spaces(html: str) -> str:
    """The HTML with each whitespace token's `<span class="w">` replaced by its spaces."""
    return RE_SPACE_TOKEN.sub(r"\1", html) if '<span class="w">' in html else html


def focusable_blocks(html: str) -> str:
    """The HTML with each highlighted block's `<code>` given a tab stop."""
    return html.replace(CODE_BLOCK_START, '<pre><span></span><code tabindex="0">')


def mark_annotation_lists(html: str) -> str:
    """The HTML with each list of code annotations given the class `code-annotations`."""

    def mark(match: re.Match[str]) -> str:
        block = match.group(1)
        return block + ('<ol class="code-annotations">' if RE_MARKER.search(block) else "<ol>")

    return RE_BLOCK_THEN_LIST.sub(mark, html) if "</pre></div>" in html else html


class CodeBlockPostprocessor(Postprocessor):
    """After Markdown has put back the highlighted code it set aside."""

    def run(self, text: str) -> str:
        return mark_annotation_lists(focusable_blocks(unwrap_spaces(text)))


class HighlightExtension(Extension):
    """Registers the postprocessor, after the one that puts back set-aside HTML (30)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(CodeBlockPostprocessor(md), "highlight-code", 25)


def makeExtension(**kwargs: object) -> HighlightExtension:
    """Return the extension, as Python-Markdown expects of a module named in its list."""
    return HighlightExtension(**kwargs)

"""Links to pages that do not exist, found in the Markdown sources.

The link check reads the built site (see `report`); a builder that drops a link to a missing
page from its output (Zensical does) leaves it nothing to read, so `python -m sitekit check`
also looks in the sources, with the same words as the built-site check.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from sitekit import markdown_scan
from sitekit.findings import WARNING, Finding
from sitekit.links.check import _closest

RE_MD_LINK = re.compile(
    r"\]\((?P<url>[^)\s#]+\.md)(?:#[^)\s]*)?(?:\s+\"[^\"]*\")?\)|^\s*\[[^\]]+\]:\s*(?P<ref>\S+\.md)(?:#\S*)?", re.M
)
RE_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def missing_pages(markdown: str, file: str, uri: str, pages: set[str]) -> list[Finding]:
    """Each link of a page's source to a `.md` file that the docs folder does not have.

    Args:
        markdown: The page's whole source.
        file: The page as messages name it (`docs/ecr.md`).
        uri: The page relative to the docs folder (`ecr.md`).
        pages: Every Markdown file of the docs folder, relative to it.
    """
    if ".md" not in markdown:
        return []
    found = []
    folder = posixpath.dirname(uri)
    for number, line in markdown_scan.lines_outside_code(markdown):
        for m in RE_MD_LINK.finditer(line):
            written = m.group("url") or m.group("ref")
            if RE_SCHEME.match(written) or written.startswith("/"):
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(written)))
            if target in pages or target.startswith("../"):
                continue
            guess = _closest(target, [page for page in pages if page != uri])
            hint = f" (did you mean '{posixpath.relpath(guess, folder or '.')}'?)" if guess else ""
            message = f"link '{written}' leads nowhere: there is no '{target}' in the docs folder{hint}"
            found.append(Finding(file, number, message, WARNING, check="link"))
    return found

"""Internal links of a built site: read each page's final HTML once, then check every link.

`scan_page` reads one page as the browser will get it: every `href`, `src` and `srcset`
(Markdown links, raw HTML, quizzes, navigation, the theme's own assets) and every `id`; the
parts of the theme's markup that repeat from page to page are read once per build, and
checked once for each place where their links mean the same.
`check_page` then resolves each link against the files of the built site and the ids of
the target page, and returns the problems. Where a problem was written is found afterwards,
and only for problems (`where_written`), so a clean build pays for no source lookups.
"""

from __future__ import annotations

import difflib
import functools
import html
import itertools
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from sitekit import html_regions, markdown_scan

RE_URL = re.compile(
    r"<(?:a|area|link|img|script|source|iframe|audio|video|track|embed|image|use)\b[^>]*?"
    r"""\s(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
)
RE_IMAGE = re.compile(r"""<(?:img|source)\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)')""")
RE_SRCSET = re.compile(r"""<(?:img|source)\b[^>]*?\ssrcset=(?:"([^"]*)"|'([^']*)')""")
RE_ID = re.compile(r""" id=(?:"([^"]*)"|'([^']*)')""")
RE_ANCHOR_NAME = re.compile(r"""<a\s[^>]*?\bname=["']([^"']*)["']""")
RE_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
RE_SOURCE_REGION = re.compile(r'<[a-zA-Z][^>]*\sdata-source-file="([^"]*)"')
RE_HIDDEN_START = re.compile(r"<script|<style|<!--")  # their text holds no links
HIDDEN_END = {"<script": "</script>", "<style": "</style>", "<!--": "-->"}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
ALWAYS_VALID_FRAGMENTS = {"", "top"}


@dataclass(frozen=True)
class Link:
    """One `href`, `src` or `srcset` URL of a page.

    `written_in` is the source file the link came from when it is not the page's own
    Markdown: `"theme"` for the navigation and the theme, or the file a copied region names
    with `data-source-file`.
    """

    url: str
    written_in: str | None = None


@dataclass
class PageScan:
    """What a built page holds: its links and the ids a fragment can point to.

    The page's own links (from its Markdown) keep their order, to find each one's source
    line; the theme's and the navigation's, the same on many pages, are a set.
    """

    url: str
    source: str
    uri: str = ""  # the Markdown source relative to docs/ (`ecr.md`)
    content: list[str] = field(default_factory=list)
    theme_parts: list[ThemeRead] = field(default_factory=list)  # shared with other pages
    copied: list[tuple[str, list[str]]] = field(default_factory=list)  # (source file, its links)
    own_ids: set[str] = field(default_factory=set)  # the ids of the page's own markup
    images: set[str] = field(default_factory=set)  # the page's own links that are images

    @functools.cached_property
    def theme(self) -> frozenset[str]:
        """The links of the navigation and the theme."""
        return frozenset().union(*[part.urls for part in self.theme_parts])

    @functools.cached_property
    def ids(self) -> frozenset[str]:
        """Every id a fragment can point to, worked out only for pages a fragment points to."""
        return frozenset(self.own_ids).union(*[part.ids for part in self.theme_parts])

    @property
    def links(self) -> list[Link]:
        """Every link, the page's own first."""
        return (
            [Link(url) for url in self.content]
            + [Link(url, name) for name, urls in self.copied for url in urls]
            + [Link(url, "theme") for url in sorted(self.theme)]
        )


def visible_spans(markup: str) -> tuple[list[tuple[int, int]], bool]:
    """Return the spans of `markup` outside script and style text and comments, and whether
    the markup ends inside one of those.

    Opening `<script ...>` tags stay visible (their `src` is a link); no text is copied.
    """
    spans = []
    at, end = 0, len(markup)
    while (m := RE_HIDDEN_START.search(markup, at, end)) is not None:
        opening = m.group(0)
        cut = m.start() if opening == "<!--" else markup.find(">", m.start()) + 1
        spans.append((at, cut))
        close = markup.find(HIDDEN_END[opening], m.end(), end)
        if close < 0:
            return spans, True
        at = close + len(HIDDEN_END[opening])
    spans.append((at, end))
    return spans, False


def without_hidden(markup: str) -> str:
    """Return the markup without the text of scripts and style sheets, and without comments."""
    return "".join(markup[a:b] for a, b in visible_spans(markup)[0])


def _urls(markup: str, spans: list[tuple[int, int]] | None = None) -> list[str]:
    """Return the URLs of a markup's links, in order (`spans`: only those parts of it)."""
    urls = []
    srcset = "srcset" in markup
    for a, b in spans or [(0, len(markup))]:
        urls += [one or two or three for one, two, three in RE_URL.findall(markup, a, b)]
        if srcset:
            for double, single in RE_SRCSET.findall(markup, a, b):
                urls.extend(part.split()[0] for part in (double or single).split(",") if part.strip())
    if "&" in "".join(urls):
        urls = [html.unescape(url) if "&" in url else url for url in urls]
    return urls


def _ids(markup: str, spans: list[tuple[int, int]]) -> set[str]:
    """Return the ids a fragment can point to in the given parts of a markup."""
    ids: set[str] = set()
    named = " name=" in markup  # <a name="..."> is a fragment target too
    for a, b in spans:
        ids.update(double or single for double, single in RE_ID.findall(markup, a, b))
        if named:
            ids.update(RE_ANCHOR_NAME.findall(markup, a, b))
    return ids


@dataclass(eq=False)
class ThemeRead:
    """A part of the theme's markup, read: its links and ids, and whether it ends inside a
    script, a style sheet or a comment (so that its end is not markup)."""

    urls: frozenset[str]
    ids: frozenset[str]
    open: bool
    # What the meaning of its links depends on besides themselves, worked out once: the page
    # (PAGE_BOUND), nothing (None), or the page's folder this many levels up (see `_scope`).
    reach: int | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        reaches = {_climb(url) for url in self.urls} - {None}
        self.reach = min(reaches) if reaches else None


# The theme's markup is read in parts cut where a list item starts: the items of the
# navigation, most of every page, then come out the same on many pages and are read once
# per build. The cut drops the `<li class=` itself, which holds no link and no id. A long part
# the memo does not know (the page's head, with its title; the footer, with the page's
# neighbours) is read line by line, so that only its lines that differ are new.
THEME_CUT = "<li class="
LINE_CUT = "\n"
LONG_PART = 2000
NOTHING = ThemeRead(frozenset(), frozenset(), False)


def read_theme_part(markup: str) -> ThemeRead:
    """Read one part of the theme's markup; it is open if it ends inside a script, a style
    sheet, a comment or a tag, so that it must be read with what follows."""
    spans, is_open = visible_spans(markup)
    is_open = is_open or markup.rfind("<") > markup.rfind(">")
    return ThemeRead(frozenset(_urls(markup, spans)), frozenset(_ids(markup, spans)), is_open)


def read_theme(markup: str, memo: dict[str, ThemeRead]) -> ThemeRead:
    """Read the theme's markup, taking the parts that `memo` knows from it and adding the rest."""
    return _joined(read_theme_parts(markup, memo))


def _joined(reads: list[ThemeRead]) -> ThemeRead:
    return ThemeRead(
        frozenset().union(*[read.urls for read in reads]),
        frozenset().union(*[read.ids for read in reads]),
        reads[-1].open,
    )


def read_theme_parts(markup: str, memo: dict[str, ThemeRead], cut: str = THEME_CUT) -> list[ThemeRead]:
    """Read the theme's markup in parts, taking the parts that `memo` knows and adding the rest."""
    parts = markup.split(cut)
    reads = list(map(memo.get, parts))
    at = 0
    while None in reads[at:]:
        at = reads.index(None, at)
        part, end = parts[at], at
        known = _read_new(part, memo, cut)
        # A part that ends inside a script, a comment or a tag is read again with the next
        # parts, until it ends; those parts hold no markup of their own.
        while known.open and end + 1 < len(parts):
            end += 1
            part += cut + parts[end]
            known = _read_new(part, memo, cut)
            reads[end] = NOTHING
        if not known.open:
            memo[part] = known
        reads[at] = known
        at = end + 1
    return reads


def _read_new(part: str, memo: dict[str, ThemeRead], cut: str) -> ThemeRead:
    """Read a part the memo does not know: a long one line by line, through the memo."""
    if cut == LINE_CUT or len(part) < LONG_PART:
        return read_theme_part(part)
    return _joined(read_theme_parts(part, memo, LINE_CUT))


def _find(markup: str, part: str) -> int:
    """Return where `part` starts in `markup` (as `str.find`, faster for a long `part`)."""
    head = part[:100]
    at = markup.find(head)
    while at >= 0 and not markup.startswith(part, at):
        at = markup.find(head, at + 1)
    return at


def scan_page(
    output: str, content: str | None, url: str, source: str, uri: str = "", memo: dict[str, ThemeRead] | None = None
) -> PageScan:
    """Read the links and ids of one built page.

    Args:
        output: The page's final HTML.
        content: The HTML that came from its Markdown (a substring of `output`), to tell the
            page's own links from those of the navigation and theme.
        url: The page's URL relative to the site root (`ecr/`).
        source: The page's source file as messages name it (`docs/ecr.md`).
        uri: The page's source relative to the docs folder (`ecr.md`).
        memo: What earlier pages' theme parts hold, shared across the pages of a build.
    """
    memo = {} if memo is None else memo
    scan = PageScan(url=url, source=source, uri=uri)
    start = _find(output, content) if content else -1
    if start >= 0 and content:
        theme = [output[:start], output[start + len(content) :]]
        own = without_hidden(content)
    else:
        theme, own = [output], ""
    for markup in theme:
        scan.theme_parts += read_theme_parts(markup, memo)
    scan.own_ids = _ids(own, [(0, len(own))])
    if "data-source-file" in own:
        scan.copied, own = _copied_regions(own)
    scan.content = _urls(own)
    if "<img" in own or "<source" in own:
        scan.images = {html.unescape(one or two) for one, two in RE_IMAGE.findall(own)}
    return scan


def _copied_regions(own: str) -> tuple[list[tuple[str, list[str]]], str]:
    """Return the links of each region copied from another file (`data-source-file`), with
    that file, and the markup without those regions. A region inside another is its own."""
    regions = [(m, html_regions.element_end(own, m.start())) for m in RE_SOURCE_REGION.finditer(own)]
    nested = any(m.start() < end for (_, end), (m, _) in itertools.pairwise(regions))
    if nested:  # take the innermost first, out of the markup, then the regions around them
        copied = []
        for m in reversed(list(RE_SOURCE_REGION.finditer(own))):
            end = html_regions.element_end(own, m.start())
            copied.insert(0, (html.unescape(m.group(1)), _urls(own[m.start() : end])))
            own = own[: m.start()] + own[end:]
        return copied, own
    copied, kept, at = [], [], 0
    for m, end in regions:
        copied.append((html.unescape(m.group(1)), _urls(own[m.start() : end])))
        kept.append(own[at : m.start()])
        at = end
    return copied, "".join(kept) + own[at:]


RE_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')


def content_of(output: str) -> str | None:
    """The part of a built page that came from its Markdown: the theme's article, as it
    stands in a page read from disk (MkDocs hands it over directly)."""
    m = RE_ARTICLE.search(output)
    if m is None:
        return None
    end = output.rfind("</article>")
    return output[m.end() : end] if end > m.end() else None


@dataclass(frozen=True)
class Target:
    """Where a link leads, relative to the site root."""

    kind: str  # "internal", "external", "absolute" (root-absolute) or "skip"
    path: str = ""
    fragment: str = ""


def resolve(url: str, page_url: str, site_url: str = "") -> Target:
    """Resolve a link found on the page at `page_url` (both relative to the site root).

    A link to the site's own address (`site_url`, as in the canonical link) is internal.
    """
    if site_url and url.startswith(site_url):
        url, page_url = url[len(site_url) :], ""
    if url.startswith(SKIPPED_SCHEMES):
        return Target("skip")
    if url.startswith("//") or RE_SCHEME.match(url):
        return Target("external", url)
    path, _, fragment = url.partition("#")
    path = path.partition("?")[0]
    if path.startswith("/"):
        return Target("absolute", path, fragment)
    if not path:
        return Target("internal", page_url, fragment)
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    joined = posixpath.normpath(base + unquote(path))
    if joined == ".":
        joined = ""
    elif path.endswith("/") or path in (".", ".."):
        joined += "/"
    return Target("internal", joined, fragment)


@dataclass(frozen=True)
class Problem:
    """A link that does not work: which, on what page, why, and the closest working target.

    `kind` is one of `absolute`, `outside`, `markdown` (a raw-HTML link to a `.md` file),
    `case`, `file` (no such file) and `id` (no such id on the target page). `fix` is the
    closest working target as a site path with an optional `#fragment`.
    """

    page: str
    link: Link
    kind: str
    target: str
    fix: str | None = None
    index: int = 0  # which occurrence of this URL on the page, to find the right source line
    detail: str = ""  # the missing id, or the file name the case differs from
    where: str = ""  # the page that lacks the id, as messages name it

    def message(self, shown: str) -> str:
        """Say what is wrong, naming the link as `shown` (as written, where that is known)."""
        return {
            "absolute": f"link '{shown}' is root-absolute: it breaks when the site is served from a "
            "project path such as https://user.github.io/repo/",
            "outside": f"link '{shown}' leads outside the site",
            "markdown": f"raw-HTML link '{shown}' points to a Markdown file, which the built site does not have",
            "case": f"link '{shown}' differs in case from the file '{self.detail}': it works on a laptop "
            "but breaks on GitHub Pages",
            "file": f"link '{shown}' leads nowhere: the built site has no '{self.target}'",
            "id": f"link '{shown}' leads nowhere: {self.where} has no id '{self.detail}'",
        }[self.kind]


@dataclass
class Site:
    """The built site: its files and, for each HTML page, its scan; and its Markdown sources.

    Verdicts are cached by what a link's meaning depends on (see `_scope`): `../ecs/` from
    any page one folder deep means the same, so the navigation is checked once per folder,
    not once per page.
    """

    files: set[str]
    pages: dict[str, PageScan]  # output file ("ecr/index.html") -> scan
    sources: dict[str, str] = field(default_factory=dict)  # Markdown source URI -> page URL
    site_url: str = ""
    docs_files: set[str] = field(default_factory=set)  # files under docs/ that are not pages
    lower: dict[str, str] = field(init=False)
    by_url: dict[str, str] = field(init=False)
    external_theme: set[str] = field(init=False)  # the theme's external links, reported once
    verdicts: dict[tuple[object, str], Target | Problem | None] = field(init=False)
    targets: dict[tuple[object, str], str | None] = field(init=False)  # (scope, url) -> built file
    checked_parts: set[tuple[ThemeRead, object]] = field(init=False)  # (part, scope) found to work

    def __post_init__(self) -> None:
        self.lower = {name.lower(): name for name in self.files}
        self.by_url = {url: uri for uri, url in self.sources.items()}
        self.external_theme = set()
        self.verdicts = {}
        self.targets = {}
        self.checked_parts = set()

    def file_for(self, path: str) -> str | None:
        """Return the built file a site path serves, or None."""
        if path == "" or path.endswith("/"):
            return path + "index.html" if path + "index.html" in self.files else None
        if path in self.files:
            return path
        return path + "/index.html" if path + "/index.html" in self.files else None


PAGE_BOUND = -1


def _climb(url: str) -> int | None:
    """How many folders `url` climbs above its page's folder (`../ecs/`: 1), or PAGE_BOUND
    when its meaning depends on the page itself (a fragment, a `.md` link), or None when it
    depends on nothing (an absolute or external link)."""
    first = url[:1]
    if not first or first == "#":
        return PAGE_BOUND
    if first == "/" or (":" in url and RE_SCHEME.match(url)):
        return None
    if ".md" in url and url.partition("#")[0].partition("?")[0].endswith(".md"):
        return PAGE_BOUND
    up = 0
    while url.startswith("../", 3 * up):
        up += 1
    return up


def _scope(url: str, page_url: str) -> object:
    """What the meaning of `url` depends on, besides itself.

    Nothing for an absolute link; the page for a fragment or a `.md` link; otherwise the
    folder the link is relative to once its `../` are climbed: `../ecs/` means the same on
    every page one folder below the root, and `../topic-2/` on every page of `generated/`.
    """
    return _reach_scope(_climb(url), page_url)


def _reach_scope(up: int | None, page_url: str) -> object:
    """The scope of a link that climbs `up` folders (see `_climb`) on the page at `page_url`."""
    if up is None:
        return ""
    return page_url if up == PAGE_BOUND else _folder(page_url, up)


@functools.lru_cache(maxsize=4096)
def _folder(page_url: str, up: int) -> object:
    """The folder of a page, `up` levels higher (or how far above the root that is)."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    parts = base.split("/")[:-1]
    if up > len(parts):
        return ("above the root", up - len(parts))
    return "/".join(parts[: len(parts) - up])


def _closest(wrong: str, candidates: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(wrong, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def relative_link(target: str, page_url: str) -> str:
    """Return the link from the page at `page_url` to the site path `target` (may hold a #fragment)."""
    path, hash_, fragment = target.partition("#")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    if path == base and hash_:
        return f"#{fragment}"
    rel = posixpath.relpath("/" + path, "/" + base)
    rel = "./" if rel == "." else rel
    if (path.endswith("/") or not path) and not rel.endswith("/"):
        rel += "/"
    return rel + hash_ + fragment


def check_page(site: Site, scan: PageScan) -> tuple[list[Problem], list[tuple[Link, str]]]:
    """Check every link of one page.

    Returns:
        The problems, and the external links (with their URLs).
    """
    problems: list[Problem] = []
    external: list[tuple[Link, str]] = []
    # The theme's parts repeat from page to page: each is checked once per scope.
    scopes: dict[int | None, object] = {}
    unchecked = set()
    for part in scan.theme_parts:
        reach = part.reach
        if reach not in scopes:
            scopes[reach] = _reach_scope(reach, scan.url)
        key = (part, scopes[reach])
        if key not in site.checked_parts:
            unchecked.add(key)
    theme = frozenset().union(*[part.urls for part, _ in unchecked])
    groups = [(None, scan.content), *scan.copied, ("theme", theme)]
    for written_in, urls in groups:
        seen: dict[str, int] = {}
        for url in urls:
            index = seen[url] = seen.get(url, -1) + 1
            scope = _scope(url, scan.url)
            verdict = site.verdicts.get((scope, url), False)
            if verdict is False:
                target = resolve(url, scan.url, site.site_url)
                verdict = target if target.kind in ("skip", "external") else check_target(site, scan, Link(url), target)
                site.verdicts[(scope, url)] = verdict
            if verdict is None or (isinstance(verdict, Target) and verdict.kind == "skip"):
                continue
            if isinstance(verdict, Target):
                if written_in != "theme" or url not in site.external_theme:  # the theme's: once is enough
                    external.append((Link(url, written_in), verdict.path))
                    if written_in == "theme":
                        site.external_theme.add(url)
            else:
                problems.append(
                    Problem(
                        scan.source,
                        Link(url, written_in),
                        verdict.kind,
                        verdict.target,
                        verdict.fix,
                        index,
                        verdict.detail,
                        "this page" if verdict.where == f"'{scan.url or './'}'" else verdict.where,
                    )
                )
    wrong = {problem.link.url for problem in problems if problem.link.written_in == "theme"}
    site.checked_parts.update(key for key in unchecked if key[0].urls.isdisjoint(wrong))
    return problems, external


def reached_files(site: Site, scan: PageScan) -> set[str]:
    """The built files that the links of the page's content lead to (each resolved once per
    scope). The theme's links (the navigation, the footer) lead only to pages in the nav."""
    files: set[str] = set()
    for url in [*scan.content, *(url for _, urls in scan.copied for url in urls)]:
        key = (_scope(url, scan.url), url)
        if key not in site.targets:
            target = resolve(url, scan.url, site.site_url)
            site.targets[key] = site.file_for(target.path) if target.kind == "internal" else None
        if site.targets[key] is not None:
            files.add(site.targets[key])
    return files


def check_target(site: Site, scan: PageScan, link: Link, target: Target, index: int = 0) -> Problem | None:
    """Return the problem with one resolved link, or None if it works."""
    hash_ = f"#{target.fragment}" if target.fragment else ""

    def problem(kind: str, path: str, fix: str | None = None, detail: str = "", where: str = "") -> Problem:
        return Problem(scan.source, link, kind, path, fix, index, detail, where)

    if target.kind == "absolute":
        path = target.path.lstrip("/")
        return problem("absolute", path, path + hash_ if site.file_for(path) else None)
    if target.path.startswith("../") or target.path == "..":
        return problem("outside", target.path)
    file = site.file_for(target.path)
    if file is None:
        path = target.path
        if path.endswith(".md"):
            # In the source, a raw-HTML link is relative to the Markdown file, not to the page URL.
            written = link.url.partition("#")[0].partition("?")[0]
            uri = posixpath.normpath(posixpath.join(posixpath.dirname(scan.uri), unquote(written)))
            if uri in site.sources:
                return problem("markdown", path, site.sources[uri] + hash_)
        for candidate in (path, path.rstrip("/") + "/index.html", path + "index.html"):
            real = site.lower.get(candidate.lower())
            if real is not None:
                fixed = real if candidate == path else real.removesuffix("index.html")
                return problem("case", path, fixed + hash_, real)
        candidates = [url for url in site.sources.values() if url != scan.url] + sorted(site.files)
        guess = _closest(path, candidates)
        return problem("file", path, guess)
    fragment = unquote(target.fragment)
    if fragment in ALWAYS_VALID_FRAGMENTS or fragment.startswith(":~:") or not file.endswith(".html"):
        return None
    page = site.pages.get(file)
    if page is None or fragment in page.ids:
        return None
    guess = _closest(fragment, (i for i in page.ids if not i.startswith("__")))
    return problem("id", page.url, f"{page.url}#{guess}" if guess else None, fragment, f"'{page.url or './'}'")


def written_fix(problem: Problem, written: str, page: PageScan, site: Site, source_uri: str) -> str | None:
    """Return the suggested fix in the style the link was written in: `.md` path or URL."""
    if problem.fix is None:
        return None
    path, hash_, fragment = problem.fix.partition("#")
    uri = site.by_url.get(path)
    if uri is not None and (written.partition("#")[0].endswith(".md") or written.startswith("#")):
        if uri == source_uri and hash_:
            return f"#{fragment}"
        return posixpath.relpath(uri, posixpath.dirname(source_uri) or ".") + hash_ + fragment
    return relative_link(problem.fix, page.url)


def describe(
    problem: Problem,
    written: str,
    page: PageScan,
    site: Site,
    source_uri: str,
    raw_html: bool = False,
    docs: str = "docs",
) -> str:
    """Return the full report of a problem, naming the link as the author wrote it.

    A Markdown link to a `.md` file that does not exist is described in terms of the docs
    folder (which file is missing, which one is close), since that is how it was written;
    an image by its file in the docs folder. A suggestion takes the form the link needs
    where it is written: a `.md` path in Markdown, the page's address in raw HTML.
    """
    path, hash_, fragment = written.partition("#")
    source_dir = posixpath.dirname(source_uri)
    if problem.link.url in page.images and problem.kind in ("file", "case") and problem.link.written_in is None:
        return _describe_image(problem, written, site, source_uri, docs)
    if problem.kind == "file" and path.endswith(".md"):
        missing = posixpath.normpath(posixpath.join(source_dir, unquote(path)))
        if missing.startswith("../"):
            return f"link '{written}' leads outside the docs folder"
        same = next((uri for uri in site.sources if uri.lower() == missing.lower() and uri != missing), None)
        if same is not None:
            fix = posixpath.relpath(same, source_dir or ".") + hash_ + fragment
            if raw_html:
                fix = relative_link(site.sources[same] + hash_ + fragment, page.url)
            return (
                f"link '{written}' differs in case from the file '{same}': it works on a laptop "
                f"but breaks on GitHub Pages (did you mean '{fix}'?)"
            )
        guess = _closest(missing, [uri for uri in site.sources if uri != source_uri])
        message = f"link '{written}' leads nowhere: there is no '{missing}' in the docs folder"
        if guess is None:
            fix = None
        elif raw_html:
            fix = relative_link(site.sources[guess] + hash_ + fragment, page.url)
        else:
            fix = posixpath.relpath(guess, source_dir or ".") + hash_ + fragment
    elif problem.kind == "markdown":
        message = problem.message(written)
        fix = relative_link(problem.fix, page.url) if problem.fix else None
    else:
        message = problem.message(written)
        fix = relative_link(problem.fix, page.url) if raw_html and problem.fix else None
        fix = fix or written_fix(problem, written, page, site, source_uri)
    return message + (f" (did you mean '{fix}'?)" if fix else "")


IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico")


def _describe_image(problem: Problem, written: str, site: Site, source_uri: str, docs: str) -> str:
    """A missing image, named by its file in the docs folder; suggestions are the docs
    folder's images only (never the theme's)."""
    wanted = posixpath.normpath(problem.target)
    images = sorted(f for f in site.docs_files if f.lower().endswith(IMAGE_TYPES))
    same = next((f for f in images if f.lower() == wanted.lower()), None)
    if same is not None:
        return (
            f"image '{written}' differs in case from the file '{docs}/{same}': it works on a laptop "
            f"but breaks on GitHub Pages (did you mean '{_image_link(same, source_uri)}'?)"
        )
    guess = _closest(wanted, images)
    hint = f" (did you mean '{_image_link(guess, source_uri)}'?)" if guess else ""
    return f"image '{written}' is missing: there is no '{docs}/{wanted}'{hint}"


def _image_link(file: str, source_uri: str) -> str:
    """How a page's Markdown links an image of the docs folder: relative to the page's file."""
    return posixpath.relpath(file, posixpath.dirname(source_uri) or ".")


def written_forms(link: Link, page: PageScan, site: Site, page_source_uri: str) -> list[str]:
    """Return how a link may have been written in Markdown: as it stands, or as a `.md` path.

    MkDocs rewrites Markdown links to `.md` files into page URLs, so `ecs.md#x` in the source
    becomes `../ecs/#x` in the HTML.
    """
    forms = [link.url]
    target = resolve(link.url, page.url, site.site_url)
    fragment = f"#{target.fragment}" if target.fragment else ""
    if target.kind == "internal":
        uri = site.by_url.get(target.path)
        if uri is not None:
            source_dir = posixpath.dirname(page_source_uri)
            rel = posixpath.relpath(uri, source_dir or ".")
            forms += [rel + fragment, f"./{rel}{fragment}"]
            if uri == page_source_uri and fragment:
                forms.append(fragment)
        forms.append(target.path.rsplit("/", 1)[-1] + fragment if target.path else fragment)
    return [form for form in dict.fromkeys(forms) if form]


def where_written(markdown: str, forms: list[str], index: int, raw_html: bool = False) -> tuple[int, str] | None:
    """Return the line of the `index`-th occurrence of a link in a Markdown source, and the
    form it was written in.

    Tries each written form in turn; lines in fenced code are skipped (code is not a link).
    With `raw_html`, only HTML attribute values (`href="..."`) count.
    """
    lines = list(markdown_scan.lines_outside_code(markdown))
    for form in forms:
        needles = [f'="{form}"', f"='{form}'"] if raw_html else [form]
        hits = [
            number
            for number, line in lines
            for needle in needles
            for _ in range(line.count(needle))
            if raw_html or _is_link_text(line, form)
        ]
        if hits:
            return hits[min(index, len(hits) - 1)], form
    return None


def _is_link_text(line: str, form: str) -> bool:
    """Does `form` start where a link target can: after `(`, `:`, `=`, a quote, `<` or a space?"""
    at = line.find(form)
    while at >= 0:
        if at == 0 or line[at - 1] in "(:=\"'< \t":
            return True
        at = line.find(form, at + 1)
    return False

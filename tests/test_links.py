"""The link-check hook: a fixture site with each kind of broken link next to tricky valid ones,
unit tests of the resolution rules, and a peer link checker run over the real site."""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site

from sitekit.links.check import (
    LONG_PART,
    THEME_CUT,
    Site,
    check_page,
    read_theme,
    read_theme_part,
    relative_link,
    resolve,
    scan_page,
    where_written,
)

FIXTURE = Path(__file__).parent / "fixtures" / "links"

EXPECTED = [
    "docs/guide.md:11: link '#third-section' leads nowhere: this page has no id 'third-section' (did you mean '#first-section'?)",
    "docs/guide.md:18: link 'nowhere.md' leads nowhere: there is no 'nowhere.md' in the docs folder",
    "docs/guide.md:24: link '#fourth-section' leads nowhere: this page has no id 'fourth-section' (did you mean '#first-section'?)",
    "docs/guide.md:30: link 'sub/deep.md#shallow' leads nowhere: 'sub/deep/' has no id 'shallow'",
    "docs/index.md:8: link 'guide.md#secnd-section' leads nowhere: 'guide/' has no id 'secnd-section' (did you mean 'guide.md#second-section'?)",
    "docs/index.md:10: link 'guid.md' leads nowhere: there is no 'guid.md' in the docs folder (did you mean 'guide.md'?)",
    "docs/index.md:12: raw-HTML link 'guide.md' points to a Markdown file, which the built site does not have (did you mean 'guide/'?)",
    "docs/index.md:14: link '/guide/' is root-absolute: it breaks when the site is served from a project path such as https://user.github.io/repo/ (did you mean 'guide/'?)",
    "docs/index.md:16: image 'assets/Pic.png' differs in case from the file 'docs/assets/pic.png': it works on a laptop but breaks on GitHub Pages (did you mean 'assets/pic.png'?)",
    "docs/index.md:16: link 'Guide/' differs in case from the file 'guide/index.html': it works on a laptop but breaks on GitHub Pages (did you mean 'guide/'?)",
    "docs/index.md:18: link '#nowhere' leads nowhere: this page has no id 'nowhere'",
    "docs/orphan.md:1: page is not in the nav and no page links to it; add it to nav in mkdocs.yml or link to it from another page",
    "docs/sub/deep.md:5: link '../../outside.md' leads outside the docs folder",
    "docs/sub/deep.md:5: link '../gone/' leads nowhere: the built site has no 'sub/gone/'",
    "mkdocs.yml:12: link 'gone.md' leads nowhere: there is no 'gone.md' in the docs folder (did you mean 'index.md'?)",
]


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory: pytest.TempPathFactory):
    project = tmp_path_factory.mktemp("links")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    text = (project / "mkdocs.yml").read_text().replace("../../../", f"{ROOT}/")
    (project / "mkdocs.yml").write_text(text)
    return build_site(project)


def test_each_broken_link_is_reported_once_with_file_and_line_and_nothing_else(fixture_build):
    assert not fixture_build.ok
    warnings = fixture_build.messages(logging.WARNING)
    reported = [m for m in warnings if not m.startswith("Aborted")]
    assert reported == EXPECTED
    assert fixture_build.error == f"Aborted with {len(EXPECTED)} warnings in strict mode!"


def test_mkdocs_own_link_checks_stay_quiet(fixture_build):
    """MkDocs would report some of these too; the hook turned its checks down."""
    own = [r for r in fixture_build.records if r.name.startswith("mkdocs.structure") and r.levelno >= logging.INFO]
    assert own == []


def test_the_real_site_has_no_broken_link(built_site):
    assert built_site.returncode == 0
    assert "leads nowhere" not in built_site.log and "root-absolute" not in built_site.log


# Rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "page", "kind", "path", "fragment"),
    [
        ("../ecs/#x", "ecr/", "internal", "ecs/", "x"),
        ("#x", "ecr/", "internal", "ecr/", "x"),
        ("..", "ecr/", "internal", "", ""),
        ("./", "ecr/", "internal", "ecr/", ""),
        ("assets/a.png", "", "internal", "assets/a.png", ""),
        ("../assets/a%20b.png", "ecr/", "internal", "assets/a b.png", ""),
        ("page.html?q=1#y", "a/b.html", "internal", "a/page.html", "y"),
        ("/ecs/", "ecr/", "absolute", "/ecs/", ""),
        ("https://aws.amazon.com/ecr/", "ecr/", "external", "https://aws.amazon.com/ecr/", ""),
        ("//cdn.example.com/x.js", "", "external", "//cdn.example.com/x.js", ""),
        ("mailto:someone@example.org", "", "skip", "", ""),
        ("https://example.org/repo/ecs/#z", "ecr/", "internal", "ecs/", "z"),
    ],
)
def test_resolve(url, page, kind, path, fragment):
    target = resolve(url, page, "https://example.org/repo/")
    assert (target.kind, target.path, target.fragment) == (kind, path, fragment)


def test_scan_reads_links_and_ids_and_tells_content_from_theme():
    content = '<p id="p1"><a href="a/">A</a> <img src="b.png" alt="" srcset="c.png 1x, d.png 2x"></p>'
    output = (
        '<html><head><link rel="stylesheet" href="x.css"><script src="s.js"></script>'
        "<script>var a = '<a href=\"no/\">'</script></head><body><nav><a href='n/' class=\"md-nav__link\">N</a>"
        f'</nav><article>{content}</article><a name="old"></a><!-- <a href="comment/"> -->'
        '<a href="q?a=1&amp;b=2">Q</a></body></html>'
    )
    scan = scan_page(output, content, "", "docs/index.md", "index.md")
    assert scan.content == ["a/", "b.png", "c.png", "d.png"]
    assert scan.theme == {"x.css", "s.js", "n/", "q?a=1&b=2"}
    assert scan.ids == {"p1", "old"}


def test_theme_parts_are_read_once_and_give_what_a_whole_read_gives():
    nav = "".join(f'<li class="md-nav__item"><a href="../p{n}/" class="md-nav__link">P{n}</a></li>' for n in range(5))
    first = f'<nav><ul>{nav}<li class="md-nav__item" id="here"><a href="./">Here</a></li></ul></nav>'
    second = f'<nav><ul>{nav}<li class="md-nav__item"><a href="../p9/">P9</a></li></ul></nav>'
    memo: dict = {}
    read = read_theme(first, memo)
    assert (read.urls, read.ids) == ({f"../p{n}/" for n in range(5)} | {"./"}, {"here"})
    known = len(memo)
    read = read_theme(second, memo)
    assert (read.urls, read.ids) == ({f"../p{n}/" for n in range(5)} | {"../p9/"}, set())
    assert len(memo) == known + 1  # only the part that differs was read again
    whole = read_theme_part(second)  # the same markup read in one piece, without the memo
    assert (read.urls, read.ids) == (whole.urls, whole.ids)


def test_theme_parts_inside_a_script_or_comment_hold_no_links():
    markup = (
        '<ul><li class="a"><a href="x/">X</a></li>'
        '<script>var t = \'<li class="b"><a href="in-script/">\';</script>'
        '<!-- <li class="c"><a href="in-comment/"> --><li class="d" id="d"><a href="y/">Y</a></li></ul>'
    )
    memo: dict = {}
    for _ in range(2):  # read, then from the memo
        read = read_theme(markup, memo)
        assert (read.urls, read.ids) == ({"x/", "y/"}, {"d"})


def test_scan_attributes_copied_regions_to_their_source():
    content = '<div data-source-file="docs/ecr.md"><a href="../x/">X</a></div><a href="y/">Y</a>'
    scan = scan_page(content, content, "self-check/", "docs/self-check.md")
    assert scan.copied == [("docs/ecr.md", ["../x/"])] and scan.content == ["y/"]


def test_nested_copied_regions_keep_their_own_links():
    inner = '<div data-source-file="docs/ecs.md"><a href="../in/">I</a></div>'
    content = f'<div data-source-file="docs/ecr.md"><a href="../x/">X</a>{inner}</div><a href="y/">Y</a>'
    scan = scan_page(content, content, "self-check/", "docs/self-check.md")
    assert scan.copied == [("docs/ecr.md", ["../x/"]), ("docs/ecs.md", ["../in/"])] and scan.content == ["y/"]


def _head(title: str) -> str:
    """A page head longer than LONG_PART, with a tag, a script and a comment over several lines."""
    return (
        "<html><head>\n"
        + "".join(f'<link rel="stylesheet" href="assets/s{n}.css">\n' for n in range(60))
        + f"<title>{title}</title>\n"
        + f'<link rel="canonical"\n      href="https://example.org/{title}/">\n'
        + "<script>\nvar a = '<a href=\"in-script/\">';\nvar b = 1;\n</script>\n"
        + '<!-- <a href="in-comment/">\n --><a\n   href="two-lines/" id="t">T</a>\n'
        + f'<li class="md-nav__item"><a href="../{title}/">{title}</a></li></head>'
    )


def test_long_theme_parts_are_read_line_by_line_and_give_what_a_whole_read_gives():
    first, second = _head("one"), _head("two")
    assert len(first.split(THEME_CUT)[0]) > LONG_PART
    memo: dict = {}
    for markup in (first, second):
        known = len(memo)
        read = read_theme(markup, memo)
        whole = read_theme_part(markup)
        assert (read.urls, read.ids) == (whole.urls, whole.ids)
        assert {"two-lines/", "assets/s59.css"} <= read.urls and not {"in-script/", "in-comment/"} & read.urls
    assert len(memo) - known <= 4  # the second head's new lines: its title, canonical link and nav item


def test_a_theme_part_is_checked_again_where_it_means_something_else_and_while_it_is_broken():
    memo: dict = {}
    nav = '<nav><li class="md-nav__item"><a href="../b/">B</a></li></nav>'
    paths = ("a/", "c/", "x/y/", "x/z/")
    pages = {f"{path}index.html": scan_page(nav, None, path, f"docs/{path[:-1]}.md", memo=memo) for path in paths}
    site = Site({"index.html", "b/index.html", *pages}, pages)
    found = {path: check_page(site, pages[f"{path}index.html"])[0] for path in paths}
    assert found["a/"] == found["c/"] == []  # ../b/ from a/ and c/ is b/
    for path in ("x/y/", "x/z/"):  # ../b/ from x/y/ and x/z/ is x/b/, which is missing: on both pages
        assert [(p.page, p.kind, p.target, p.link.written_in) for p in found[path]] == [
            (f"docs/{path[:-1]}.md", "file", "x/b/", "theme")
        ]


def test_where_written_finds_the_nth_occurrence_and_skips_code():
    markdown = 'See [a](x.md).\n\n```\n[code](x.md)\n```\n\nAgain [b](x.md) and <a href="x.md">raw</a>.\n'
    assert where_written(markdown, ["x.md"], 0) == (1, "x.md")
    assert where_written(markdown, ["x.md"], 1) == (7, "x.md")
    assert where_written(markdown, ["x.md"], 0, raw_html=True) == (7, "x.md")
    assert where_written(markdown, ["nothing.md"], 0) is None


def test_relative_link():
    assert relative_link("ecs/#x", "ecr/") == "../ecs/#x"
    assert relative_link("ecr/#x", "ecr/") == "#x"
    assert relative_link("", "ecr/") == "../"
    assert relative_link("assets/p.png", "") == "assets/p.png"


def test_site_file_lookup():
    site = Site({"index.html", "ecr/index.html", "a.png"}, {})
    assert site.file_for("") == "index.html"
    assert site.file_for("ecr/") == "ecr/index.html"
    assert site.file_for("ecr") == "ecr/index.html"
    assert site.file_for("a.png") == "a.png"
    assert site.file_for("b.png") is None


def test_nav_link_to_a_missing_page_is_reported_once_against_mkdocs_yml(tiny_site):
    build = tiny_site(
        {"index.md": "# Home\n", "a.md": "# A\n", "b.md": "# B\n"},
        extra="nav:\n  - index.md\n  - a.md\n  - b.md\n  - Missing: missing.md\n",
    )
    config = (build.site.parent / "mkdocs.yml").read_text().splitlines()
    line = next(n for n, text in enumerate(config, start=1) if "missing.md" in text)
    reported = [m for m in build.messages() if "missing.md" in m]
    assert reported == [
        f"mkdocs.yml:{line}: link 'missing.md' leads nowhere: there is no 'missing.md' in the docs folder"
    ]


# A peer checker --------------------------------------------------------------------------

LYCHEE = [
    str(Path(sys.executable).parent / "lychee"),
    "--offline",
    "--include-fragments",
    "--index-files",
    "index.html",
    "--no-progress",
    "--format",
    "json",
]


def lychee_errors(site: Path) -> set[tuple[str, str]]:
    """Run lychee over a built site on disk; return (page, broken target) pairs, normalized."""
    result = subprocess.run(
        [*LYCHEE, "--exclude-path", str(site / "404.html"), f"{site}/**/*.html"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    found = set()
    for page, errors in report["error_map"].items():
        for error in errors:
            url = error["url"]
            if url.startswith("file://"):
                target = url.removeprefix(f"file://{site}/")
            else:  # lychee cannot resolve root-relative links on disk: it names them in its message
                target = re.search(r"root-relative link '([^']+)'", error["status"]["text"]).group(1)
            found.add((str(Path(page).relative_to(site)), normalize(target)))
    return found


def normalize(target: str) -> str:
    path, hash_, fragment = target.partition("#")
    path = path.removesuffix("index.html").rstrip("/")
    return path + hash_ + fragment


def hook_errors(site: Path) -> set[tuple[str, str]]:
    """What the hook's rules find in the same built site, in the same terms."""
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    scans = {}
    for name in files:
        if name.endswith(".html") and name != "404.html":
            url = name.removesuffix("index.html")
            scans[name] = scan_page((site / name).read_text(), None, url, name)
    checked = Site(files, scans)
    found = set()
    for name, scan in scans.items():
        for problem in check_page(checked, scan)[0]:
            target = f"{problem.target}#{problem.detail}" if problem.kind == "id" else problem.target
            found.add((name, normalize("/" + target if problem.kind == "absolute" else target)))
    return found


def test_lychee_finds_no_broken_link_in_the_real_site(built_site):
    assert lychee_errors(built_site.path) == set()


def test_lychee_finds_nothing_in_the_fixture_that_the_hook_missed(fixture_build, tmp_path):
    site = Path(fixture_build.site or "")
    assert site.exists()
    peer = lychee_errors(site)
    assert len(peer) >= 10, peer  # lychee does see the fixture's broken links
    assert peer - hook_errors(site) == set()

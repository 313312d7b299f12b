"""Diagrams: every Mermaid fence has its rendered SVG, the SVG is cleaned for the site, and the
hook stops the build, naming the line, when a diagram has no SVG or no accessible title."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

from sitekit.diagrams.fence import PHONE_WIDTH, width
from sitekit.diagrams.source import digest, find_fences, missing_accessibility
from sitekit.diagrams.svg import clean_svg

MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

MERMAID_OUTPUT = (
    '<svg id="d1" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" style="max-width: 300.5px;" '
    'viewBox="0 0 300 100" role="graphics-document document" aria-roledescription="flowchart-v2" '
    'aria-labelledby="chart-title-d1" aria-describedby="chart-desc-d1"><title id="chart-title-d1">A title</title>'
    '<desc id="chart-desc-d1">A description.</desc><style>#d1{fill:#333}</style><g>'
    '<marker id="d1_pointEnd" class="marker"><path d="M 0 0 L 10 5 z" style="stroke-width: 1;"/></marker>'
    '<marker id="d1_unused" class="marker"><path d="M 0 0 z"/></marker>'
    '<g class="node" data-look="neo" data-id="a"><rect class="background" style="stroke: none"/>'
    '<rect x="0" y="0" width="10" height="10"/><text>Node</text></g>'
    '<path d="M0,0L10,10" marker-end="url(#d1_pointEnd)" data-points="W3siI" style="stroke-dasharray: 0 0 4;"/>'
    '</g><defs><filter id="d1-shadow"/></defs></svg>'
)


def test_clean_svg_keeps_the_drawing_and_its_accessible_name_only():
    svg = clean_svg(MERMAID_OUTPUT, "abc123")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" id="d1" width="300"')
    assert 'role="img"' in svg and 'aria-labelledby="chart-title-d1"' in svg and "<title" in svg and "<desc" in svg
    assert (
        "<style" not in svg and "style=" not in svg and "data-points" not in svg and "aria-roledescription" not in svg
    )
    assert 'id="d1_pointEnd"' in svg and "d1_unused" not in svg and "<filter" not in svg and "<defs" not in svg
    assert svg.count("<rect") == 1  # the placeholder rect without a size is gone
    assert 'data-source-digest="abc123"' in svg and 'data-look="neo"' in svg


def test_digest_ignores_indentation_and_blank_edges():
    flat = "flowchart LR\n    a --> b"
    assert digest(flat) == digest("\n    flowchart LR\n        a --> b   \n\n")
    assert digest(flat) != digest("flowchart LR\n    a --> c")


def test_fences_are_found_in_tabs_and_admonitions_but_not_inside_other_code():
    text = (
        "```mermaid\nflowchart LR\n  a --> b\n```\n\n"
        '=== "Tab"\n\n    ```mermaid\n    flowchart TB\n      c --> d\n    ```\n\n'
        "````markdown\n```mermaid\nflowchart LR\n  x --> y\n```\n````\n"
    )
    fences = find_fences(text)
    assert [(f.line, f.source) for f in fences] == [(1, "flowchart LR\n  a --> b"), (8, "flowchart TB\n  c --> d")]


def test_missing_accessibility():
    assert missing_accessibility("flowchart LR\n  accTitle: T\n  a --> b") == ["accDescr"]
    assert missing_accessibility("flowchart LR\n  accTitle: T\n  accDescr: D\n") == []


def test_every_diagram_of_the_site_has_its_svg_and_no_svg_is_unused():
    result = subprocess.run(
        [sys.executable, "-m", "sitekit.diagrams.render", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    sources = {f.digest for page in (ROOT / "docs").rglob("*.md") for f in find_fences(page.read_text())}
    stored = {p.stem for p in (ROOT / "diagrams").glob("*.svg")}
    assert sources == stored and len(sources) >= 4


def test_every_stored_svg_records_the_text_it_was_rendered_from():
    for svg in (ROOT / "diagrams").glob("*.svg"):
        assert f'data-source-digest="{svg.stem}"' in svg.read_text()


DIAGRAM = "# Page\n\nText.\n\n```mermaid\nflowchart LR\n    accTitle: T\n    accDescr: D\n    a --> b\n```\n"


def test_a_diagram_without_svg_stops_the_build_naming_its_line(tiny_site):
    build = tiny_site({"index.md": DIAGRAM}, hooks=("diagrams",))
    assert not build.ok
    assert (
        "docs/index.md:5: the diagram has no rendered SVG (is it new or changed?); run "
        "`make diagrams` and commit the files it writes in diagrams/"
    ) in build.messages()


def test_a_diagram_without_accessible_text_stops_the_build(tiny_site):
    build = tiny_site({"index.md": "# Page\n\n```mermaid\nflowchart LR\n    a --> b\n```\n"}, hooks=("diagrams",))
    assert (
        "docs/index.md:3: the diagram has no accTitle or accDescr line; add one so that screen readers can describe it"
        in build.messages()
    )


def test_a_rendered_diagram_is_inlined(tiny_site, tmp_path):
    (tmp_path / "diagrams").mkdir()
    name = digest(find_fences(DIAGRAM)[0].source)
    (tmp_path / "diagrams" / f"{name}.svg").write_text('<svg role="img" width="300"><title>T</title></svg>\n')
    build = tiny_site({"index.md": DIAGRAM}, hooks=("diagrams",))
    assert build.ok, build.messages()
    html = (build.site / "index.html").read_text()
    assert re.search(r'<figure class="diagram">\s*<div class="diagram__canvas"><svg role="img" width="300">', html)


@pytest.mark.browser
def test_render_script_draws_a_diagram_in_chromium(tmp_path):
    """The renderer, end to end, on a copy of the project with one new diagram."""
    if not MERMAID.exists():
        pytest.fail("Mermaid is not installed: run `npm ci` (Node.js 20+) first", pytrace=False)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(DIAGRAM)
    result = subprocess.run(
        [sys.executable, "-m", "sitekit.diagrams.render"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "diagrams" / f"{digest(find_fences(DIAGRAM)[0].source)}.svg").read_text()
    assert "<title" in svg and ">T</title>" in svg and "<text" in svg and "<style" not in svg
    assert 0 < width(svg) <= PHONE_WIDTH

    (tmp_path / "docs" / "index.md").write_text(
        "# Page\n\n```mermaid\nflowchart LR\n    accTitle: T\n    accDescr: D\n    a --> \n```\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "sitekit.diagrams.render"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1 and "docs/index.md:3: the diagram does not parse:" in result.stderr
    assert "deleted unused diagrams/" in result.stdout  # the old SVG went with the old text


def test_a_diagram_too_wide_for_a_phone_is_reported(tiny_site, tmp_path):
    (tmp_path / "diagrams").mkdir()
    name = digest(find_fences(DIAGRAM)[0].source)
    (tmp_path / "diagrams" / f"{name}.svg").write_text('<svg role="img" width="640"></svg>\n')
    build = tiny_site({"index.md": DIAGRAM}, hooks=("diagrams",))
    assert (
        "docs/index.md:5: the diagram is 640 px wide, so on a phone its labels would be smaller than 10 px; "
        "draw it top to bottom (flowchart TB), shorten its labels (break them with <br>) or put fewer boxes "
        "side by side, to at most 572 px"
    ) in build.messages()

"""What a person sees, measured in real Chromium on every page of the navigation: at the phone
size (390x844, touch, device scale 2) and the desktop size (1440x900), before and after
answering every quiz of the page (first option, first two where several apply, "x" in a
fill-in box, then "Check answer").

- No word is split across two lines (a DOM Range per word; a break after - / . _ is fine).
- Nothing is wider than the text column, and the page does not scroll sideways.
- "Answer and explanation" stands 16 px below the quiz's buttons, smaller than the text, and
  the explanation is at the page's text size.
- Every diagram fits its canvas and its labels are readable: 10 px on a phone, 12 on a desktop.
- Every quiz control shows a focus ring (2 px, 3:1 against what lies behind it) in both
  schemes, and the quiz buttons keep 4.5:1 text contrast at rest, hovered and focused.

Layout does not depend on the colour scheme, so it is measured in the light scheme only;
colours are measured in both. Each page is measured once per size and state, in one
`page.evaluate`, and the tests below only read the findings. The helpers are in look.py;
`python tests/look.py` prints the same figures for a person.

    .venv/bin/python -m pytest tests/test_look.py -q
    LOOK_SITE=/tmp/site .venv/bin/python -m pytest tests/test_look.py -q   # a site built already
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from look import (
    SIZES,
    answer_quizzes,
    layout_findings,
    nav_pages,
    page_path,
    quiz_look,
    serve,
    tab_through_first_quiz,
    visit,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PAGES = [source for _, source in nav_pages()]
SCHEMES = ("light", "dark")
SIZE_NAMES = {size.name: f"{size.name} {size.width}x{size.height}" for size in SIZES}


@pytest.fixture(scope="module")
def look_site(request) -> tuple[str, Path]:
    """The site to measure: the real site built by conftest, or, with LOOK_SITE=DIR, a site
    already built there (for measuring while someone else's page breaks the strict build)."""
    folder = os.environ.get("LOOK_SITE")
    if not folder:
        built = request.getfixturevalue("built_site")
        return request.getfixturevalue("site_url"), built.path
    context = serve(Path(folder))
    url, path = context.__enter__()
    request.addfinalizer(lambda: context.__exit__(None, None, None))
    return url, path


def where(source: str, size: str, state: str, scheme: str = "light") -> str:
    answered = "after answering its quizzes" if state == "after" else "before answering"
    return f"{page_path(source) or '/'} at {SIZE_NAMES[size]}, {scheme}, {answered}"


# Measuring, once per module --------------------------------------------------------------


@pytest.fixture(scope="module")
def measured(browser, look_site) -> tuple[dict, dict]:
    """Every page measured once per size and state.

    In the light scheme: the layout (by page, size, state), and for pages with quizzes the
    focus rings, button text and Tab path (by page, size, scheme, state). In the dark scheme:
    only the colours, on the pages with quizzes."""
    site_url = look_site[0]
    layout: dict[tuple[str, str, str], dict] = {}
    looks: dict[tuple[str, str, str, str], dict] = {}
    for size in SIZES:
        for scheme in SCHEMES:
            pages = PAGES if scheme == "light" else [s for s in PAGES if layout[(s, size.name, "before")]["quizzes"]]
            for source, tab, cdp in visit(browser, size, scheme, site_url, pages):
                if scheme == "light":
                    layout[(source, size.name, "before")] = found = layout_findings(tab, size.name)
                    if not found["quizzes"]:
                        continue
                path = tab_through_first_quiz(tab) if scheme == "light" else []
                looks[(source, size.name, scheme, "before")] = {**quiz_look(tab, cdp), "tab": path}
                answer_quizzes(tab)
                looks[(source, size.name, scheme, "after")] = {**quiz_look(tab, cdp), "tab": []}
                if scheme == "light":
                    layout[(source, size.name, "after")] = layout_findings(tab, size.name)
    return layout, looks


@pytest.fixture(scope="module")
def layout(measured) -> dict[tuple[str, str, str], dict]:
    return measured[0]


@pytest.fixture(scope="module")
def looks(measured) -> dict[tuple[str, str, str, str], dict]:
    return measured[1]


def findings(results: dict, source: str) -> list[tuple[tuple, dict]]:
    """The measurements of one page: ((size, [scheme,] state), found) pairs."""
    return [(key[1:], found) for key, found in results.items() if key[0] == source]


# Layout ----------------------------------------------------------------------------------


# A page made to fail, so that a measure that finds nothing cannot pass for one that looks.
BROKEN = """<!doctype html><html><body><div class="md-content"><div class="md-content__inner"
 style="width: 200px; font: 16px/1.5 sans-serif; overflow-wrap: anywhere">
<p id="split">The option IMMUTABLE_WITH_EXCLUSION keeps tags.</p>
<p id="lone" style="font-family: monospace; width: 16.5ch">Read (<a href="#">ABCDEFGHIJKLMNO</a>).</p>
<p id="fine">Short words wrap at spaces, as they should.</p>
<table id="wide" style="white-space: nowrap"><tr><td>one</td><td>two</td><td>three</td><td>four</td><td>five</td><td>six</td><td>seven</td><td>eight</td><td>nine</td><td>ten</td></tr></table>
</div></div></body></html>"""


def test_the_measure_finds_split_words_lone_marks_and_wide_elements(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.set_content(BROKEN)
        found = layout_findings(page, "phone")
    finally:
        context.close()
    split = {w["word"] for w in found["split"]}
    assert split & {"IMMUTABLE", "WITH", "EXCLUSION"}, found["split"]
    assert {w for w in split if w.endswith(("|.", "|)"))}, found["split"]
    assert not any("Short" in w["context"] for w in found["split"]), found["split"]
    assert [w["element"] for w in found["wide"]] and found["wide"][0]["element"].startswith("table"), found["wide"]


@pytest.mark.parametrize("source", PAGES)
def test_no_word_is_split_across_lines(layout, source):
    problems = [
        f"{where(source, size, state)}: {w['word']!r} is split across lines in …{w['context']}… ({w['where']})"
        for (size, state), found in findings(layout, source)
        for w in found["split"]
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("source", PAGES)
def test_nothing_is_wider_than_its_column(layout, source):
    problems = []
    for (size, state), found in findings(layout, source):
        if found["scrollWidth"] > found["width"]:
            problems.append(
                f"{where(source, size, state)}: the page scrolls sideways "
                f"({found['scrollWidth']}px of content in a {found['width']}px window)"
            )
        for w in found["wide"]:
            scrolls = ", its table scrolls sideways" if w["scrolls"] else ""
            problems.append(
                f"{where(source, size, state)}: {w['element']} passes the right edge of the "
                f"{w['column']}px column by {w['over']}px ({w['where']}{scrolls})"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("source", PAGES)
def test_answer_and_explanation_stands_apart_at_text_size(layout, source):
    problems = [
        f'{where(source, size, state)}: {q["what"]} (quiz "{q["question"]}")'
        for (size, state), found in findings(layout, source)
        for q in found["quiz"]
    ]
    assert not problems, "\n".join(problems)


def test_every_diagram_fits_its_canvas(layout):
    problems = [
        f"{where(source, size, state)}: diagram {d['title']!r} is {d['width']}px wide in a "
        f"{d['canvas']}px canvas and has to be scrolled sideways"
        for (source, size, state), found in layout.items()
        for d in found["diagrams"]
        if d["cut"]
    ]
    assert not problems, "\n".join(problems)


def test_every_diagram_label_is_readable(layout):
    minimum = {"phone": 10, "desktop": 12}
    problems = [
        f"{where(source, size, state)}: diagram {d['title']!r} draws its label {d['labelText']!r} "
        f"at {d['label']}px (at least {minimum[size]}px)"
        for (source, size, state), found in layout.items()
        for d in found["diagrams"]
        if d["small"]
    ]
    assert not problems, "\n".join(problems)


# Focus and colour ------------------------------------------------------------------------


@pytest.mark.parametrize("source", PAGES)
def test_focus_is_visible_on_every_quiz_control(looks, source):
    problems = []
    for (size, scheme, state), found in findings(looks, source):
        for ring in found["rings"]:
            wrong = []
            if not ring["visible"]:
                wrong.append(f"no keyboard focus ({ring['kind']})" if ring["kind"] != "none" else "no :focus-visible")
            if ring["width"] < 2:
                wrong.append(f"its focus ring is {ring['width']}px ({ring['kind']}), not 2px")
            elif ring["contrast"] < 3:
                wrong.append(
                    f"its focus ring {ring['color']} on {ring.get('background', '?')} is {ring['contrast']}:1, not 3:1"
                )
            if wrong:
                problems.append(f"{where(source, size, state, scheme)}: {ring['element']}: {'; '.join(wrong)}")
        if state == "before" and found["tab"] and found["tab"][0].startswith("!"):
            problems.append(
                f"{where(source, size, state, scheme)}: Tab into the first quiz reaches {found['tab']}, "
                "not its controls with keyboard focus"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("source", PAGES)
def test_quiz_buttons_keep_their_label_at_rest_hovered_and_focused(looks, source):
    problems = [
        f"{where(source, size, state, scheme)}: {t['element']} {t['state']}: text {t['text']} on "
        f"{t['background']} is {t['contrast']}:1, not 4.5:1"
        for (size, scheme, state), found in findings(looks, source)
        for t in found["texts"]
        if t["contrast"] < 4.5
    ]
    assert not problems, "\n".join(problems)


# The screenshots and the contact sheet ----------------------------------------------------


def test_screenshots_of_one_page_and_the_contact_sheet(look_site, layout, tmp_path):
    # The shortest page of the navigation that has quizzes, so that both states are taken.
    quiz_pages = sorted(
        (layout[(s, "phone", "before")]["height"], s) for s in PAGES if layout.get((s, "phone", "after"))
    )
    quiz_pages = [s for _, s in quiz_pages]
    source = quiz_pages[0] if quiz_pages else PAGES[0]
    out = tmp_path / "screens"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshots.py"),
            "--site",
            str(look_site[1]),
            "--out",
            str(out),
            "--pages",
            source,
            "--scale",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    states = ("before", "after") if source in quiz_pages else ("before",)
    slug = page_path(source).strip("/").replace("/", "-") or "home"
    expected = {f"{slug}--{size.name}-{scheme}-{state}.png" for size in SIZES for scheme in SCHEMES for state in states}
    written = {path.name for path in out.glob("*.png")} - {"contact-sheet.png"}
    assert written == expected
    for name in expected | {"contact-sheet.png"}:
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    index = (out / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'href="([^"]+\.png)"', index)) == expected
    width, height = (
        int.from_bytes((out / "contact-sheet.png").read_bytes()[16:20]),
        int.from_bytes((out / "contact-sheet.png").read_bytes()[20:24]),
    )
    assert width >= 1600 and height > 300, (width, height)

"""Facts that were stated wrongly once, and must not come back; and each fact in one place.

Each test reads the Markdown sources as a learner would read the pages (code blocks aside),
so that a correction made in one place and forgotten in another fails the build's tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from sitekit.markdown_scan import lines_outside_code

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))


def prose(path: Path) -> str:
    """A page's text as it teaches: outside code blocks, without the wrong options of quizzes
    (which state a mistake on purpose)."""
    lines = lines_outside_code(path.read_text(encoding="utf-8"))
    return "\n".join(line for _, line in lines if not line.lstrip().startswith("- [ ]"))


def everything() -> dict[str, str]:
    return {path.name: prose(path) for path in PAGES}


def table_rows(text: str) -> list[tuple[str, ...]]:
    """The data rows of every Markdown table of a text, each as its cells."""
    rows = []
    for line in text.split("\n"):
        line = line.strip()
        if line.startswith("|") and line.endswith("|") and not re.fullmatch(r"\|[\s:|-]+\|", line):
            rows.append(tuple(cell.strip() for cell in line.strip("|").split("|")))
    return rows


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text.replace("\n", " "))


def test_no_page_says_fargate_spot_is_x86_only():
    wrong = re.compile(
        r"spot[^.]{0,80}\b(x86_64|x86)\b[^.]{0,20}\bonly\b|\bARM64\b[^.]{0,60}can.t use[^.]{0,20}spot", re.I
    )
    stale = re.compile(r"out of date|no longer|outdated|stale", re.I)  # saying that the old claim is wrong
    found = [
        f"{name}: {sentence}"
        for name, text in everything().items()
        for sentence in sentences(text)
        if wrong.search(sentence) and not stale.search(sentence)
    ]
    assert found == []
    spot = prose(DOCS / "fargate.md")
    assert "ARM64" in spot[spot.index("Fargate Spot") :] and "Windows" in spot[spot.index("Fargate Spot") :]


def test_one_month_length_across_the_site():
    """A month is 730 hours on every page (AWS's pricing examples are per 730-hour month)."""
    for name, text in everything().items():
        assert not re.search(r"\b720\s*hours\b|\b30-day month\b", text), name
    assert "730" in prose(DOCS / "pricing.md")


def test_replication_is_not_said_to_keep_registries_in_sync_or_to_skip_existing_images():
    text = prose(DOCS / "ecr.md")
    assert not re.search(r"kept in sync|keeps? .{0,40}in sync", text, re.I)
    assert not re.search(r"existing images are (never|not) (copied|replicated)(?! by default)", text, re.I)
    assert "backfill" in text.lower()
    assert re.search(r"not replicate deletions|deletions? (are|is) not replicated", text, re.I)


def test_extended_support_is_taught_as_the_default_where_upgrades_and_eks_prices_are():
    for page in ("eks.md", "pricing.md"):
        text = prose(DOCS / page)
        assert re.search(r"`EXTENDED`[^.]{0,60}default|default[^.]{0,60}`EXTENDED`", text), page


def test_auto_mode_is_the_recommended_serverless_data_plane_for_eks():
    for page in ("eks.md", "choosing.md"):
        text = prose(DOCS / page)
        assert re.search(r"Auto Mode[^.]{0,120}recommend|recommend[^.]{0,120}Auto Mode", text), page
    diagram = (DOCS / "choosing.md").read_text()
    assert re.search(r"Auto Mode<br>recommended", diagram)


def test_ebs_task_volumes_are_not_called_persistent_or_shared():
    for name, text in everything().items():
        for sentence in re.split(r"(?<=[.!?])\s", text):
            if "EBS" in sentence and re.search(r"persistent storage|shared (storage|file)", sentence, re.I):
                assert re.search(r"\bnot\b|n't|EFS", sentence), f"{name}: {sentence}"


def test_no_fact_is_repeated_in_two_tables():
    """A row of facts stands in one table; other pages link to it."""
    seen: dict[tuple[str, ...], str] = {}
    for name, text in everything().items():
        for row in table_rows(text):
            if len(row) < 2 or not any(re.search(r"\d", cell) for cell in row[1:]):
                continue  # rows without figures are comparisons, not facts
            assert row not in seen, f"{row} is in a table of {seen.get(row)} and of {name}"
            seen[row] = name


@pytest.mark.parametrize(("fact", "page"), [(r"\$0\.60", "pricing.md"), (r"16384 \(16 vCPU\)", "fargate.md")])
def test_each_figure_lives_in_one_table(fact, page):
    tables = [name for name, text in everything().items() for row in table_rows(text) if re.search(fact, " ".join(row))]
    assert tables == [page]


def test_the_limits_of_fargate_on_eks_are_listed_once():
    lists = [name for name, text in everything().items() if re.search(r"^- (\*\*)?No DaemonSets", text, re.M)]
    assert lists == ["fargate.md"]
    for page in ("eks.md", "choosing.md"):
        assert "fargate.md#fargate-on-eks-limits" in (DOCS / page).read_text(), page


def test_the_home_page_and_self_check_count_the_same_thing():
    """ "Done" means answered correctly on Home and on Self-check alike."""
    for page in ("index.md", "self-check.md"):
        assert "answered correctly" in prose(DOCS / page), page
    assert not re.search(r"answered (all|every)[^.]{0,40}(?<!correctly)\.$", prose(DOCS / "index.md"), re.M)


def test_nothing_the_facts_sheet_leaves_unconfirmed_is_stated():
    text = " ".join(everything().values())
    assert not re.search(r"CloudOps Engineer|SOA-C03", text)
    assert not re.search(r"Auto Mode[^.]{0,60}fee[^.]{0,30}\$\d", text)  # the fee amount is not confirmed
    assert not re.search(r"Windows[^.]{0,60}(minimum|15.minute)", text, re.I)


def test_prices_say_as_of_when_in_their_section():
    for name, text in everything().items():
        for section in re.split(r"\n## ", text):
            prices = re.findall(r"\$\d[\d,]*\.\d+ per (?:cluster-hour|vCPU-hour|GB-hour|GB-month)", section)
            if prices:
                assert re.search(r"as of (November|December) 2026", section, re.I), f"{name}: {prices[0]} has no date"

"""The real site: a clean strict build, every page built, no third-party requests in the
markup, and the facts a learner must get right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.config import load_config

from sitekit import project
from sitekit.markdown_scan import code_fences

DOCS = ROOT / "docs"


def nav_pages() -> list[tuple[str, str]]:
    """(title, Markdown file) for every page of the navigation, sections flattened."""
    return [(page.title, page.src_uri) for page in project.load(ROOT / "mkdocs.yml").nav]


def built(built_site, source: str) -> str:
    name = "index.html" if source == "index.md" else source.removesuffix(".md") + "/index.html"
    return (built_site.path / name).read_text(encoding="utf-8")


def test_strict_build_is_clean(built_site):
    assert built_site.returncode == 0, built_site.log
    assert "WARNING" not in built_site.log and "ERROR" not in built_site.log, built_site.log


# The module's reading order: a new page goes anywhere in between (see CONTRIBUTING).
MODULE = ["index.md", "services.md", "ecr.md", "ecs.md", "fargate.md", "eks.md", "choosing.md", "pricing.md"]


def test_the_nav_holds_the_module_in_reading_order_and_every_page():
    listed = [path for _, path in nav_pages()]
    assert [path for path in listed if path in MODULE] == MODULE, "the module's pages, in reading order"
    assert listed[-2:] == ["self-check.md", "glossary.md"] or listed[-1] == "self-check.md"
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    missing = [page for page in pages if page not in listed]
    assert not missing, (
        f"pages not in the nav of mkdocs.yml: {missing} (add each where it belongs in the reading order)"
    )


@pytest.mark.parametrize(("title", "source"), nav_pages())
def test_every_nav_page_is_built_with_title_and_description(built_site, title, source):
    html = built(built_site, source)
    assert re.search(r"<h1 id=", html), f"{source} has no heading"
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert 50 <= len(description) <= 160, description
    assert description != load_config(str(ROOT / "mkdocs.yml")).site_description.strip()


def test_descriptions_are_unique(built_site):
    found = [
        re.search(r'<meta name="description" content="([^"]*)"', built(built_site, s)).group(1) for _, s in nav_pages()
    ]
    assert len(set(found)) == len(found)


REQUEST_ATTRIBUTES = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrc=\"(?P<src>[^\"]+)\""
    r"|<link\b(?=[^>]*\srel=\"(?:stylesheet|preload|modulepreload|preconnect|dns-prefetch|icon|manifest)\")"
    r"[^>]*\shref=\"(?P<href>[^\"]+)\""
)


def test_no_page_loads_anything_from_another_host(built_site):
    """Scripts, styles, fonts, images and preconnects all come from the site itself."""
    for page in built_site.path.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in REQUEST_ATTRIBUTES.finditer(html):
            url = m.group("src") or m.group("href")
            assert not re.match(r"^(https?:)?//", url), f"{page}: loads {url}"
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    for sheet in built_site.path.rglob("*.css"):
        css = sheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import\s+['\"]?(https?:)?//", css), sheet


def test_the_repository_link_does_not_call_the_github_api(built_site):
    html = built(built_site, "index.md")
    assert 'class="md-source"' in html and 'data-md-component="source"' not in html


def test_every_page_has_the_glossary_tooltips(built_site):
    for _, source in nav_pages():
        assert '<abbr title="' in built(built_site, source), source


@pytest.mark.parametrize("source", ["ecr.md", "ecs.md", "eks.md", "choosing.md"])
def test_the_four_diagrams_are_inline_svg_with_a_title(built_site, source):
    html = built(built_site, source)
    svg = re.search(r'<figure class="diagram">.*?<svg[^>]*role="img"[^>]*>(.*?)</svg>', html, re.S)
    assert svg and re.search(r"<title[^>]*>[^<]{10,}</title>", svg.group(1))


# Facts a learner must get right ---------------------------------------------------------


def test_fargate_minimum_is_512_mib_and_the_typo_is_gone(built_site):
    text = re.sub(r"<[^>]+>", "", built(built_site, "fargate.md"))  # as read, without tooltips
    assert re.search(r"256 \(0\.25 vCPU\)\s*512 MiB, 1 GB, 2 GB", text)
    assert "The smallest task is 0.25 vCPU with 512 MiB" in text
    for _, source in nav_pages():
        assert "min 521" not in (DOCS / source).read_text()


def test_ecr_login_command_is_exact():
    text = (DOCS / "ecr.md").read_text()
    assert (
        "aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin "
        "ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com"
    ) in text


def test_lifecycle_example_expires_images_older_than_30_days():
    expected = {
        "rules": [
            {
                "rulePriority": 1,
                "description": "Expire images older than 30 days",
                "selection": {
                    "tagStatus": "any",
                    "countType": "sinceImagePushed",
                    "countUnit": "days",
                    "countNumber": 30,
                },
                "action": {"type": "expire"},
            }
        ]
    }
    documents = [json.loads(f.body) for f in code_fences((DOCS / "ecr.md").read_text()) if f.language == "json"]
    assert expected in documents


def test_app_runner_status_is_stated_correctly():
    text = (DOCS / "services.md").read_text()
    assert "30 April 2026" in text and "closed to new customers" in text.lower()


def test_outline_spelling_slips_are_not_carried_over():
    slips = ["highlyavailable", "control pane", "knoledge", "effor ", "controls plain", "should understood"]
    for page in DOCS.glob("*.md"):
        text = page.read_text().lower()
        assert not [slip for slip in slips if slip in text], page


def test_home_page_states_every_learning_goal(built_site):
    text = (DOCS / "index.md").read_text()
    goals = [  # the five high-level and three detailed goals of the module
        "name every aws service that runs containers",
        "how aws charges",
        "lifecycle policies",
        "image replication",
        "image scanning",
        "tag mutability",
        "clusters",
        "deployment strategies",
        "eks architecture",
        "private registry",
        "log in, push and pull",
        "ec2 and fargate apart",
    ]
    missing = [goal for goal in goals if goal.lower() not in text.lower()]
    assert not missing


def test_self_check_page_asks_the_seven_questions_then_collects_every_quiz(built_site):
    html = built(built_site, "self-check.md")
    own = html[html.index('id="module-questions"') : html.index('id="from-')]
    assert own.count('class="quiz"') == 7
    total = sum(built(built_site, s).count('class="quiz"') for _, s in nav_pages() if s != "self-check.md")
    assert html.count('class="quiz"') == 7 + total


@pytest.mark.parametrize("source", ["ecr.md", "ecs.md", "fargate.md", "eks.md"])
def test_service_pages_have_at_least_three_quizzes(source):
    assert (DOCS / source).read_text().count("/// quiz |") >= 3


def test_prices_carry_an_as_of_date_and_link_the_pricing_pages():
    text = (DOCS / "pricing.md").read_text()
    assert "as of december 2026" in text.lower()
    for page in ("ecr", "ecs", "fargate", "eks"):
        assert f"https://aws.amazon.com/{page}/pricing/" in text


def test_page_dates_come_from_git(built_site):
    """A committed page shows the date of the last commit that changed it."""
    import datetime
    import subprocess

    day = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", "docs/ecr.md"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    shown = f"{datetime.date.fromisoformat(day):%-d %B %Y}"
    html = built(built_site, "ecr.md")
    assert re.search(rf'<span class="md-source-file__fact">.*?{shown}\s*</span>', html, re.S), shown


def test_serve_watches_hooks_sitekit_overrides_and_glossary():
    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {Path(p).resolve() for p in config.watch}
    assert {ROOT / "hooks", ROOT / "sitekit", ROOT / "includes", ROOT / "overrides"} <= watched


def test_quiz_script_and_style_sheet_stay_small(built_site):
    import gzip

    files = [built_site.path / "assets/javascripts/quiz.js", built_site.path / "assets/stylesheets/quiz.css"]
    size = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    assert size <= 8 * 1024, f"{size} bytes gzipped"


def test_pages_without_quizzes_carry_no_quiz_code_inline(built_site):
    home = built(built_site, "index.md")
    assert "data-quiz" not in home and "quiz-js" not in home
    ecr = built(built_site, "ecr.md")
    assert '<script>document.documentElement.classList.add("quiz-js")</script>' in ecr
    for html in (home, ecr):  # the quiz script is a cached file, not inline
        assert '<script src="../assets/javascripts/quiz.js"></script>' in html or (
            '<script src="assets/javascripts/quiz.js"></script>' in html
        )

"""Self-check quizzes: `/// quiz` blocks become interactive quizzes, and one page collects them all."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

import html_regions
import markdown_scan
import project_files
import quiz_block
import quiz_pages

HELPERS = (html_regions, markdown_scan, project_files, quiz_block, quiz_pages)

# A logger under "mkdocs." counts in strict mode; messages start with the file, unprefixed.
log = logging.getLogger("mkdocs.plugins.quiz")


class _Build:
    """What one build knows about quizzes (`mkdocs serve` starts a new one per rebuild)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.score = project_files.theme_template(config, "partials/quiz-score.html")
        self.collection = project_files.theme_template(config, "partials/quiz-collection.html")
        self.page: quiz_pages.PageQuizzes | None = None
        self.errors: list[str] = []
        self.order: list[Page] = []
        self.pages: dict[str, Page] = {}
        self.quizzes: dict[str, list[quiz_pages.RenderedQuiz]] = {}
        self.collected: dict[str, list[str]] = {}
        self.full: dict[str, str] = {}  # pages' content with their quizzes, while search reads a lighter one

    def report(self, question, quiz, error) -> None:
        """Pass each finished quiz block to the page being rendered."""
        assert self.page is not None
        self.page.report(question, quiz, error)


_build: _Build | None = None


def on_config(config: MkDocsConfig) -> None:
    """Register the quiz block; `markdown_extensions` is validated before hooks run."""
    project_files.reload_helpers(*HELPERS)  # so that `mkdocs serve` shows edits to them
    global _build
    _build = _Build(config)
    config.markdown_extensions.append(quiz_block.QuizExtension(_build.report))


def on_nav(nav: Navigation, **kwargs) -> None:
    """Remember the reading order, to collect quizzes in it."""
    assert _build is not None
    _build.order = list(nav.pages)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> None:
    """Find the quiz headers in the source, so that errors can name their lines."""
    assert _build is not None
    source = project_files.display_path(page.file.abs_src_path, config.config_file_path)
    _build.page = quiz_pages.PageQuizzes(source, quiz_pages.find_headers(page.file.content_string))


def on_page_content(html: str, *, page: Page, **kwargs) -> str:
    """Check what Markdown made of the quizzes, remember them, and show the page's score."""
    assert _build is not None and _build.page is not None
    _build.page.check_rendered(html)
    _build.errors += _build.page.errors
    quizzes = quiz_pages.extract_quizzes(html)
    if quizzes or page.meta.get("collect_quizzes"):
        _build.pages[page.file.src_uri] = page
        _build.quizzes[page.file.src_uri] = quizzes
        score = _build.score.render(collection=bool(page.meta.get("collect_quizzes")), count=len(quizzes))
        html = html.replace("</h1>", "</h1>" + score, 1) if "</h1>" in html else score + html
        _build.full[page.file.src_uri] = html
        return quiz_pages.searchable(html, quizzes)  # until on_page_context: see there
    return html


def on_env(env, *, config: MkDocsConfig, **kwargs):
    """All pages are rendered: stop on any quiz mistake, else fill the collecting page."""
    assert _build is not None
    for error in _build.errors:
        log.error(error)
    if _build.errors:
        count = len(_build.errors)
        raise PluginError(f"The build stops: {count} quiz{'zes' if count > 1 else ''} must be fixed.")
    for uri, own in _build.quizzes.items():
        if _build.pages[uri].meta.get("collect_quizzes"):
            _collect(_build.pages[uri], own)
    return env


def _collect(target: Page, own: list[quiz_pages.RenderedQuiz]) -> None:
    """Append every other page's quizzes to `target`, grouped by page, in reading order."""
    assert _build is not None
    seen = {quiz.id for quiz in own}
    groups = []
    for page in _build.order:
        if page is target or page.file.src_uri not in _build.quizzes:
            continue
        items = []
        for quiz in _build.quizzes[page.file.src_uri]:
            if quiz.id in seen:
                continue
            seen.add(quiz.id)
            href = get_relative_url(page.url or "./", target.url or "./")
            items.append(
                {
                    "html": Markup(quiz_pages.rebase_links(quiz.html, page.url, target.url)),
                    "href": href + (f"#{quiz.section_id}" if quiz.section_id else ""),
                    "section": quiz.section_title or page.title,
                    "source": project_files.display_path(page.file.abs_src_path, _build.config.config_file_path),
                }
            )
        if items:
            groups.append(
                {
                    "id": f"from-{Path(page.file.src_uri).with_suffix('').as_posix().replace('/', '-')}",
                    "title": page.title,
                    "quizzes": items,
                }
            )
    total = len(own) + sum(len(group["quizzes"]) for group in groups)
    uri = target.file.src_uri
    _build.full[uri] = _build.full[uri].replace(
        f">0 of {len(own)} answered correctly<", f">0 of {total} answered correctly<", 1
    ) + _build.collection.render(groups=groups)
    _build.collected[target.file.src_uri] = sorted(seen)
    toc = target.toc.items[0].children if target.toc.items and target.toc.items[0].level == 1 else target.toc.items
    toc.extend(AnchorLink(group["title"], group["id"], 2) for group in groups)


def on_page_context(context, *, page: Page, **kwargs):
    """Put the quizzes back, now that the search plugin (which runs first) has read the page.

    Search indexes each page's text in this event; the form around a quiz and its answers
    are not words to search for, and reading them made search the slowest part of a build.
    """
    assert _build is not None
    if page.file.src_uri in _build.full:
        page.content = _build.full[page.file.src_uri]
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write `quizzes.json`: each page's quiz ids, for the check marks in the navigation."""
    assert _build is not None
    manifest = {
        _build.pages[uri].url: _build.collected.get(uri) or [quiz.id for quiz in quizzes]
        for uri, quizzes in _build.quizzes.items()
    }
    Path(config.site_dir, "quizzes.json").write_text(json.dumps(manifest, indent=0, sort_keys=True), encoding="utf-8")

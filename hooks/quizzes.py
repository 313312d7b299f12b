"""Quizzes under MkDocs: name the file and line of every mistake, and write quizzes.json.

The `sitekit.quizzes` Markdown extension renders the quizzes (every builder runs it); this
hook only attaches the reporting and writes the manifest the quiz script reads.
"""

from __future__ import annotations


def on_config(config) -> None:
    """Hear about every quiz the extension reads (the extension is listed in mkdocs.yml)."""
    from sitekit import mkdocs_adapter

    options = mkdocs_adapter.extension_config(config, "sitekit.quizzes")
    options.update(report=_report, config_file=config.config_file_path)


_page = None  # the quizzes of the page being rendered


def _report(question, quiz, error) -> None:
    _page.report(question, quiz, error)


def on_page_markdown(markdown: str, *, page, config, **kwargs) -> None:
    """Read the page's quiz blocks as written, so that mistakes can name their lines."""
    global _page
    from sitekit import mkdocs_adapter
    from sitekit.quizzes.check import PageCheck

    whole = mkdocs_adapter.report().text(page)  # the body follows the front matter's lines
    offset = whole[: len(whole) - len(markdown)].count("\n") if whole.endswith(markdown) else 0
    _page = PageCheck(mkdocs_adapter.report().source(page), markdown, offset)


def on_page_content(html: str, *, page, **kwargs) -> None:
    """Compare what was rendered with what was written."""
    from sitekit import mkdocs_adapter

    _page.check_rendered(html)
    mkdocs_adapter.report().add(_page.findings)


def on_post_build(*, config) -> None:
    """Write quizzes.json; check every quiz's learning goal against Home."""
    from sitekit import mkdocs_adapter
    from sitekit.quizzes import collection

    module = collection.read_module(config.config_file_path)
    mkdocs_adapter.report().add(module.findings())
    collection.write_manifest(module, config.site_dir)

"""AWS CLI commands and API documents under MkDocs: each problem with its file and line.

The models come from botocore (read as data, cached under `.cache/aws-models/`), and only
when a page has a command or a marked document that no earlier build checked.
"""

from __future__ import annotations

from pathlib import Path


def on_config(config) -> None:
    """Find the models once per build; they are read on first use."""
    from sitekit import api_examples, mkdocs_adapter

    try:
        api_examples.open_models(Path(config.config_file_path).parent / ".cache" / "aws-models")
    except ModuleNotFoundError as error:
        raise mkdocs_adapter.plugin_error(
            config, f"mkdocs.yml: hooks/api_examples.py needs botocore: {error}"
        ) from None


def on_page_markdown(markdown: str, *, page, **kwargs) -> None:
    """Check the page's source as written, with the lines an author sees."""
    from sitekit import api_examples, mkdocs_adapter

    build = mkdocs_adapter.report()
    build.add(api_examples.check_page(build.text(page), build.source(page)))


def on_post_build(*, config) -> None:
    """Keep what this build checked, so that the next build skips the pages that did not change."""
    from sitekit import api_examples

    api_examples.save_results()

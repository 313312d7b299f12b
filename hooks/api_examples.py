"""Check every AWS CLI command and marked API document against the AWS API models.

The models come from botocore (a build requirement for this check only), read once and
cached under `.cache/aws-models/`. Each problem is a warning naming the file and line, so a
strict build fails; a deprecated operation or field is a warning that names its replacement.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import aws_examples
import aws_models
import markdown_scan
import project_files

HELPERS = (markdown_scan, project_files, aws_models, aws_examples)

# A logger under "mkdocs." counts in strict mode; messages start with the file, unprefixed.
log = logging.getLogger("mkdocs.plugins.api_examples")

_models: aws_models.Models | None = None


def on_config(config: MkDocsConfig) -> None:
    """Find the models once per build (the cache makes later builds cheap)."""
    global _models
    project_files.reload_helpers(*HELPERS)  # so that `mkdocs serve` shows edits to them
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    try:
        _models = aws_models.Models(project / ".cache" / "aws-models")
    except ModuleNotFoundError as error:
        raise PluginError(f"mkdocs.yml: hooks/api_examples.py needs botocore: {error}") from None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> None:
    """Check the page's source as written, with the lines an author sees."""
    assert _models is not None
    source = project_files.display_path(page.file.abs_src_path, config.config_file_path)
    for finding in aws_examples.check_page(page.file.content_string, _models):
        log.warning(f"{source}:{finding.line}: {finding.message}")

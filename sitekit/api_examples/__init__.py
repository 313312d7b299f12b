"""AWS CLI commands and API documents in the pages, checked against the AWS API models.

`models` reads botocore's model files as data; `check` checks a page's commands and marked
documents; `fargate` knows the valid Fargate task sizes.
"""

from __future__ import annotations

from pathlib import Path

from sitekit.api_examples import check
from sitekit.api_examples.models import Models
from sitekit.findings import WARNING, Finding

# The models, read on first use and kept while the process lives (`mkdocs serve` rebuilds
# without reading them again); they only change with botocore's version.
_models: Models | None = None


def open_models(cache: Path | None) -> Models:
    """Return the models, cached on disk in `cache` (raises ModuleNotFoundError without botocore)."""
    global _models
    if _models is None or _models.cache_root != cache:
        _models = Models(cache)
    return _models


def check_page(markdown: str, file: str, models: Models | None = None) -> list[Finding]:
    """Check every command and marked document of a page's source (with its front matter)."""
    if "aws" not in markdown:
        return []
    models = models or _models or open_models(None)
    return [
        Finding(file, found.line, found.message, WARNING, check="example")
        for found in check.check_page(markdown, models)
    ]

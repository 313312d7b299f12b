"""AWS CLI commands and API documents in the pages, checked against the AWS API models.

`models` reads botocore's model files as data; `check` checks a page's commands and marked
documents; `fargate` knows the valid Fargate task sizes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sitekit.api_examples.models import Models, botocore_data
from sitekit.findings import WARNING, Finding

# The models, read on first use and kept while the process lives (`mkdocs serve` rebuilds
# without reading them again); they only change with botocore's version.
_models: Models | None = None
_results: Results | None = None


class Results:
    """What earlier builds found in each page, by a hash of the page's text.

    A page that did not change is not checked again, so a build whose commands did not change
    reads no model at all. The file's name holds botocore's version and a hash of this
    package's rules, so new models or new rules check every page again.
    """

    def __init__(self, folder: Path | None) -> None:
        rules = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py"))))
        self.path = folder / f"results-{botocore_data()[1]}-{rules.hexdigest()[:12]}.json" if folder else None
        self.found: dict[str, list[list]] = {}
        self.changed = False
        if self.path and self.path.is_file():
            try:
                self.found = json.loads(self.path.read_text(encoding="utf-8"))
            except ValueError:
                self.found = {}

    def save(self) -> None:
        """Keep what this build learned, for the next one."""
        if self.path and self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.found, separators=(",", ":")), encoding="utf-8")
            self.changed = False


def open_models(cache: Path | None) -> Models:
    """Return the models, cached on disk in `cache` (raises ModuleNotFoundError without botocore)."""
    global _models, _results
    if _models is None or _models.cache_root != cache:
        _models = Models(cache)
        _results = Results(cache)
    return _models


def check_page(markdown: str, file: str, models: Models | None = None) -> list[Finding]:
    """Check every command and marked document of a page's source (with its front matter)."""
    if "aws" not in markdown:
        return []
    key = hashlib.sha256(markdown.encode("utf-8")).hexdigest()
    results = _results if models is None else None
    if results is not None and key in results.found:
        return [Finding(file, line, message, WARNING, check="example") for line, message in results.found[key]]
    from sitekit.api_examples import check  # the rules, loaded only when a page needs checking

    models = models or _models or open_models(None)
    found = check.check_page(markdown, models)
    if results is not None:
        results.found[key] = [[f.line, f.message] for f in found]
        results.changed = True
    return [Finding(file, f.line, f.message, WARNING, check="example") for f in found]


def save_results() -> None:
    """Write what this build checked, so that the next build skips unchanged pages."""
    if _results is not None:
        _results.save()

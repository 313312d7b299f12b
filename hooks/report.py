"""Every check's findings, reported together: once each, in order, when the build ends.

List this hook first in mkdocs.yml. The hooks import `sitekit` inside their events, so that
`mkdocs serve` runs edited code after a save (see `sitekit.mkdocs_adapter`).
"""

from __future__ import annotations

import importlib

from mkdocs.plugins import event_priority

_serving = False
_seen: dict[str, float] = {}  # when each file of sitekit last changed, across rebuilds


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember `mkdocs serve`: it shows findings on the pages instead of failing."""
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_config(config):
    """Start the build's report before any other hook runs (with edited code under serve)."""
    if _serving:
        importlib.import_module("sitekit.mkdocs_adapter").forget_if_changed(_seen)
    importlib.import_module("sitekit.mkdocs_adapter").start(config, _serving)


@event_priority(-100)
def on_post_build(*, config) -> None:
    """Every page is written and checked: print all findings, fail on errors."""
    importlib.import_module("sitekit.mkdocs_adapter").finish(config)

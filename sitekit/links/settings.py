"""How external links are checked: the `extra.linkcheck` options of mkdocs.yml, read and checked.

Apart from the checker itself (`external`), so that reading the settings on every build
loads no network code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Settings:
    """How external links are checked (the `extra.linkcheck` block of mkdocs.yml)."""

    ignore: tuple[str, ...] = ()
    cache: Path | None = None
    cache_days: float = 7.0
    timeout: float = 10.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0
    per_host: int = 2
    workers: int = 8


# The `extra.linkcheck` options of mkdocs.yml: name -> (accepted types, default).
OPTIONS: dict[str, tuple[tuple[type, ...], object]] = {
    "ignore": ((list,), []),
    "cache": ((str,), ".cache/linkcheck.json"),
    "cache_days": ((int, float), 7),
    "timeout": ((int, float), 10),
    "retries": ((int,), 3),
    "per_host": ((int,), 2),
}


def read_settings(options: dict, project: Path) -> Settings:
    """Read and check `extra.linkcheck`; raise `ValueError` naming the bad option."""
    options = options if isinstance(options, dict) else {}
    config = {name: default for name, (_, default) in OPTIONS.items()}
    for name, value in options.items():
        if name not in OPTIONS:
            raise ValueError(f"extra.linkcheck.{name}: Unrecognised configuration name: {name}")
        types = OPTIONS[name][0]
        if isinstance(value, bool) or not isinstance(value, types):
            wanted = " or ".join(t.__name__ for t in types)
            raise ValueError(f"extra.linkcheck.{name}: Expected type: {wanted} but received: {type(value)}")
        config[name] = value
    for pattern in config["ignore"]:  # type: ignore[union-attr]
        if not isinstance(pattern, str):
            raise ValueError(f"extra.linkcheck.ignore: {pattern!r} is not a regular expression")
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(
                f"extra.linkcheck.ignore: {pattern!r} is not a valid regular expression ({error})"
            ) from None
    return Settings(
        ignore=tuple(config["ignore"]),  # type: ignore[arg-type]
        cache=project / str(config["cache"]),
        cache_days=float(config["cache_days"]),  # type: ignore[arg-type]
        timeout=float(config["timeout"]),  # type: ignore[arg-type]
        retries=int(config["retries"]),  # type: ignore[call-overload]
        per_host=int(config["per_host"]),  # type: ignore[call-overload]
    )

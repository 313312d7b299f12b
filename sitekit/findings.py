"""Findings: what a check found wrong, where, and how to fix it; reported together, once.

Every check of this package returns `Finding`s. A build collects all of them, prints each
once as `file:line: what; how to fix`, and fails at the end if any is an error, so that one
mistake never hides the others. On GitHub Actions each finding is also printed as a
workflow command, which shows it on the changed line of a pull request.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file: `docs/ecr.md:42: what is wrong; how to fix it`.

    `level` is `error` (the build fails), `warning` (it fails a strict build) or `info`
    (shown, never fails: a link that moved). `check` names the check that found it
    (`quiz`, `diagram`, `link`, `example`).
    """

    file: str
    line: int
    message: str
    level: str = ERROR
    check: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    @property
    def fails(self) -> bool:
        """Does this finding fail a strict build?"""
        return self.level in (ERROR, WARNING)


def unique(findings: Iterable[Finding]) -> list[Finding]:
    """Return the findings sorted by file and line, each once."""
    return sorted(set(findings))


def _escape(text: str, properties: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if properties else text


def github_annotation(finding: Finding) -> str:
    """Return the finding as a GitHub Actions workflow command (`::error file=...,line=...::...`)."""
    kind = {ERROR: "error", WARNING: "warning"}.get(finding.level, "notice")
    return f"::{kind} file={_escape(finding.file, True)},line={finding.line}::{_escape(finding.message)}"


def on_github() -> bool:
    """Is this running on GitHub Actions, where findings are also annotations?"""
    return os.environ.get("GITHUB_ACTIONS", "") == "true"


def print_findings(findings: Iterable[Finding], stream: TextIO | None = None, github: bool | None = None) -> None:
    """Print each finding once, in order; on GitHub Actions, also as an annotation."""
    stream = stream or sys.stderr
    found = unique(findings)
    for finding in found:
        stream.write(f"{finding}\n")
    if on_github() if github is None else github:
        for finding in found:
            stream.write(github_annotation(finding) + "\n")


# How a build's last line counts the errors of each check.
COUNTED = {
    "quiz": ("quiz", "quizzes", "must be fixed"),
    "diagram": ("diagram", "diagrams", "could not be shown"),
}


def summary(findings: Iterable[Finding]) -> str:
    """The line that ends a build with errors: how many of each check's must be fixed."""
    errors = [f for f in unique(findings) if f.level == ERROR]
    parts = []
    for check in [*COUNTED, ""]:
        count = sum(1 for f in errors if (f.check if f.check in COUNTED else "") == check)
        if count:
            one, many, verb = COUNTED.get(check, ("problem", "problems", "must be fixed"))
            parts.append(f"{count} {one if count == 1 else many} {verb}")
    return f"The build stops: {' and '.join(parts)}."

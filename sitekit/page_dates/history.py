"""When each documentation file last changed, read from the local git history."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_changed(folder: Path) -> dict[Path, datetime.date]:
    """Return the date of the last commit that touched each file under `folder`.

    One `git log` call covers every file. Outside a git work tree, or without git, the
    answer is empty: a page then simply shows no date.

    Args:
        folder: The folder whose files to date (usually `docs/`).

    Returns:
        Absolute file path to the committer date of its last commit.
    """
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    return parse_log(log, Path(top))


def parse_log(log: str, top: Path) -> dict[Path, datetime.date]:
    """Read `git log --format=%x00%cs --name-only` output, newest commit first.

    Args:
        log: The output of that command.
        top: The top of the work tree, which the file names are relative to.

    Returns:
        Absolute file path to the date of the newest commit that names it.
    """
    dates: dict[Path, datetime.date] = {}
    date = None
    for line in log.splitlines():
        if line.startswith("\0"):
            date = datetime.date.fromisoformat(line[1:])
        elif line and date is not None:
            dates.setdefault((top / line).resolve(), date)
    return dates

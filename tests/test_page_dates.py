"""Page dates come from one `git log` call, read newest first."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from sitekit.page_dates.history import last_changed, parse_log


def test_parse_log_keeps_the_newest_date_per_file(tmp_path: Path):
    log = "\0002026-11-20\n\ndocs/ecr.md\ndocs/ecs.md\n\0002026-01-02\n\ndocs/ecr.md\ndocs/eks.md\n"
    dates = parse_log(log, tmp_path)
    assert dates == {
        (tmp_path / "docs/ecr.md").resolve(): datetime.date(2026, 11, 20),
        (tmp_path / "docs/ecs.md").resolve(): datetime.date(2026, 11, 20),
        (tmp_path / "docs/eks.md").resolve(): datetime.date(2026, 1, 2),
    }


def test_last_changed_in_a_real_repository(tmp_path: Path):
    def git(*args: str) -> None:
        subprocess.run(
            ["git", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={
                "GIT_AUTHOR_DATE": "2026-03-04T10:00:00",
                "GIT_COMMITTER_DATE": "2026-03-04T10:00:00",
                "GIT_AUTHOR_NAME": "a",
                "GIT_AUTHOR_EMAIL": "a@example.org",
                "GIT_COMMITTER_NAME": "a",
                "GIT_COMMITTER_EMAIL": "a@example.org",
                "HOME": str(tmp_path),
            },
        )

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n")
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "a")
    (tmp_path / "docs" / "new.md").write_text("# New, not committed\n")
    dates = last_changed(tmp_path / "docs")
    assert dates == {(tmp_path / "docs" / "a.md").resolve(): datetime.date(2026, 3, 4)}


def test_outside_git_there_are_no_dates(tmp_path: Path):
    assert last_changed(tmp_path) == {}

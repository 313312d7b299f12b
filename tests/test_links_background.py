"""The link check in a worker process: the same findings as in the build's own process, a
worker that fails stops the build with its traceback, and the worker is used only where
forking is safe."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT

from sitekit.links import background
from sitekit.links.report import SiteLinks

FIXTURE = Path(__file__).parent / "fixtures" / "links"
PAGES = {
    "index.md": ("", '<a href="a/">A</a> <a href="a/#nowhere">gone</a>'),
    "a.md": ("a/", '<h2 id="here">Here</h2><a href="../b/">B</a> <a href="../#top">Top</a>'),
}


def _links(tmp_path: Path, cls: type[SiteLinks] = SiteLinks) -> SiteLinks:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for uri, (_, body) in PAGES.items():
        (docs / uri).write_text(f"# {uri}\n\n{body}\n", encoding="utf-8")
    links = cls(tmp_path / "mkdocs.yml", docs)
    links.sources = {uri: url for uri, (url, _) in PAGES.items()}
    links.nav = set(PAGES)
    return links


def _run(check: background.LinkCheck) -> list[str]:
    for uri, (url, body) in PAGES.items():
        dest = f"{url}index.html"
        check.add_page(dest, f"<html><body><article>{body}</article></body></html>", body, url, uri)
    return [str(finding) for finding in check.findings({"index.html", "a/index.html"})]


def test_a_worker_finds_what_the_build_process_finds(tmp_path):
    inline = _run(background.Inline(_links(tmp_path)))
    worker = background.Background(_links(tmp_path))
    assert _run(worker) == inline
    assert worker._worker is None  # stopped once it answered
    assert [line.split(": ", 1)[0] for line in inline] == ["docs/index.md:3", "docs/a.md:3"]


class _Broken(SiteLinks):
    def add_page(self, *args, **kwargs) -> None:
        raise ValueError("cannot read this page")


def test_a_worker_that_fails_stops_the_build_with_its_traceback(tmp_path):
    with pytest.raises(background.WorkerFailed, match="ValueError: cannot read this page"):
        _run(background.Background(_links(tmp_path, _Broken)))


def test_a_worker_left_by_a_failed_build_stops_at_once(tmp_path):
    check = background.Background(_links(tmp_path))
    check.add_page("index.html", "<html><body></body></html>", "", "", "index.md")
    worker = check._worker
    started = time.perf_counter()
    check.close()  # the build failed before its end: no findings were asked for
    assert time.perf_counter() - started < 2
    assert not worker.is_alive() and worker.exitcode == 0


def test_the_worker_runs_only_where_forking_is_safe(tmp_path, monkeypatch):
    links = _links(tmp_path)
    monkeypatch.delenv("SITEKIT_LINKS_INLINE", raising=False)
    assert isinstance(background.link_check(links, serving=True), background.Inline)
    monkeypatch.setenv("SITEKIT_LINKS_INLINE", "1")
    assert isinstance(background.link_check(links, serving=False), background.Inline)
    monkeypatch.delenv("SITEKIT_LINKS_INLINE")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:  # another thread (a server's, a browser driver's) could hold a lock fork copies
        assert isinstance(background.link_check(links, serving=False), background.Inline)
    finally:
        stop.set()
        other.join()
    if threading.active_count() == 1:
        monkeypatch.setattr(background.os, "sched_getaffinity", lambda _: {0}, raising=False)
        assert isinstance(background.link_check(links, serving=False), background.Inline)
        monkeypatch.setattr(background.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
        expected = background.Background if background.sys.platform == "linux" else background.Inline
        assert isinstance(background.link_check(links, serving=False), expected)


def test_mkdocs_build_reports_the_same_with_and_without_the_worker(tmp_path):
    """The fixture of test_links.py, built by `mkdocs build` as a contributor runs it."""
    project = tmp_path / "links"
    shutil.copytree(FIXTURE, project)
    text = (project / "mkdocs.yml").read_text().replace("../../../", f"{ROOT}/")
    (project / "mkdocs.yml").write_text(text)
    reports = []
    for inline in ("", "1"):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITEKIT_LINKS_INLINE": inline}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
        )
        assert result.returncode == 1
        reports.append([line for line in result.stderr.splitlines() if "WARNING" in line])
    assert reports[0] == reports[1] and len(reports[0]) > 10

"""The link check on another core: a worker process reads each built page while the builder
renders the next one, then checks every link when the build is written.

Reading a page's links is the link check's largest part, and it needs nothing from the
build but the page's HTML. `Background` forks a worker with the build's `SiteLinks` at the
first page and hands it each page; `findings` asks for the result. Where a worker cannot be
forked cheaply (one core, or a system without `fork`), the same work runs in the build's
own process (`Inline`), with the same results.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import traceback
from typing import Any, Protocol

from sitekit.findings import Finding
from sitekit.links.report import SiteLinks


class LinkCheck(Protocol):
    """What the MkDocs hook asks of a link check, in a worker or not."""

    links: SiteLinks

    def add_page(self, dest_uri: str, output: str, content: str | None, url: str, src_uri: str) -> None: ...

    def findings(self, files: set[str]) -> list[Finding]: ...

    def close(self) -> None: ...


class Inline:
    """The link check in the build's own process."""

    def __init__(self, links: SiteLinks) -> None:
        self.links = links

    def add_page(self, dest_uri: str, output: str, content: str | None, url: str, src_uri: str) -> None:
        self.links.add_page(dest_uri, output, content, url, src_uri)

    def findings(self, files: set[str]) -> list[Finding]:
        return self.links.findings(files)

    def close(self) -> None:
        """Nothing runs apart from the build."""


class WorkerFailed(RuntimeError):
    """The worker stopped without a result; the message holds its traceback."""


def _work(links: SiteLinks, pages: Any, results: Any) -> None:
    """The worker: read pages until the build says which files it wrote, then check; stop
    at once on None (the build failed before its end)."""
    import gc

    gc.freeze()  # the build's objects, copied by fork, are never garbage here
    try:
        while isinstance(page := pages.get(), tuple):
            links.add_page(*page)
        if page is None:
            return
        results.send(("findings", links.findings(page)))
    except BaseException:  # the build reports it, with the traceback
        results.send(("error", traceback.format_exc()))
    finally:
        results.close()


class Background:
    """The link check in a worker process, forked with `links` at the first page."""

    def __init__(self, links: SiteLinks) -> None:
        self.links = links
        self._context = multiprocessing.get_context("fork")
        self._pages: Any = None
        self._results: Any = None
        self._worker: Any = None

    def _start(self) -> None:
        self._pages = self._context.Queue()
        self._results, sending = self._context.Pipe(duplex=False)
        self._worker = self._context.Process(target=_work, args=(self.links, self._pages, sending), daemon=True)
        self._worker.start()
        sending.close()

    def add_page(self, dest_uri: str, output: str, content: str | None, url: str, src_uri: str) -> None:
        if self._worker is None:
            self._start()
        self._pages.put((dest_uri, output, content, url, src_uri))

    def findings(self, files: set[str]) -> list[Finding]:
        if self._worker is None:  # a build without pages
            return self.links.findings(files)
        self._pages.put(files)
        try:
            kind, value = self._results.recv()
        except EOFError:
            kind, value = "error", f"the link-check worker stopped (exit code {self._worker.exitcode})"
        finally:
            self.close()
        if kind == "error":
            raise WorkerFailed(value)
        return value

    def close(self) -> None:
        """Stop the worker (a build that failed before its end leaves one running)."""
        if self._worker is not None:
            if self._worker.is_alive():
                self._pages.put(None)  # still waiting for pages: stop without checking
            self._worker.join(timeout=5)
            if self._worker.is_alive():
                self._worker.kill()
            self._pages.close()
            self._results.close()
            self._worker = None


def link_check(links: SiteLinks, serving: bool) -> LinkCheck:
    """A worker where forking one is cheap and safe: on Linux, with more than one core, from
    a process without other threads (`mkdocs serve` has its server's), unless
    SITEKIT_LINKS_INLINE is set."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    alone = threading.active_count() == 1
    if serving or not alone or cores < 2 or sys.platform != "linux" or os.environ.get("SITEKIT_LINKS_INLINE"):
        return Inline(links)
    return Background(links)

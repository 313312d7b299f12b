"""External link checks against a real HTTP server on 127.0.0.1 (never the internet): 200,
301, 404, 429 then 200, 500, a slow answer, HEAD refused, the cache, the ignore list."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections import Counter
from pathlib import Path
from typing import ClassVar

import pytest

from sitekit.links.external import Checker, retry_after
from sitekit.links.settings import Settings, read_settings


class Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[Counter] = Counter()  # requests seen, by (method, path)

    def log_message(self, format: str, *args) -> None:
        pass

    def answer(self, body: bool) -> None:
        path = self.path
        Handler.hits[(self.command, path)] += 1
        count = Handler.hits[(self.command, path)]
        if path == "/ok":
            self.send(200, body)
        elif path == "/moved":
            self.send(301, body, Location="/ok")
        elif path == "/temporary":
            self.send(302, body, Location="/ok")
        elif path == "/gone":
            self.send(410, body)
        elif path == "/missing":
            self.send(404, body)
        elif path == "/busy":  # 429 once, then fine
            self.send(429 if count == 1 else 200, body, **({"Retry-After": "0"} if count == 1 else {}))
        elif path == "/error":
            self.send(500, body)
        elif path == "/slow":
            time.sleep(1.0)
            self.send(200, body)
        elif path == "/no-head":
            self.send(405 if self.command == "HEAD" else 200, body)
        else:
            self.send(404, body)

    def send(self, code: int, body: bool, **headers: str) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:
        self.answer(False)

    def do_GET(self) -> None:
        self.answer(True)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def checker(tmp_path: Path):
    Handler.hits.clear()
    waits: list[float] = []
    settings = Settings(cache=tmp_path / "cache.json", timeout=0.5, retries=2, backoff=0.01)
    instance = Checker(settings, sleep=waits.append)
    instance.waits = waits
    return instance


def test_each_answer_is_judged(server, checker):
    urls = [f"{server}{p}" for p in ("/ok", "/moved", "/temporary", "/gone", "/missing", "/busy", "/error", "/no-head")]
    results = checker.check_all(urls)
    summary = {
        url.removeprefix(server): (r.state, r.detail, r.location.removeprefix(server)) for url, r in results.items()
    }
    assert summary == {
        "/ok": ("ok", "", ""),
        "/moved": ("moved", "", "/ok"),
        "/temporary": ("ok", "", ""),
        "/gone": ("broken", "HTTP 410 Gone", ""),
        "/missing": ("broken", "HTTP 404 Not Found", ""),
        "/busy": ("ok", "", ""),
        "/error": ("broken", "HTTP 500 Internal Server Error after 2 retries", ""),
        "/no-head": ("ok", "", ""),
    }
    assert Handler.hits[("HEAD", "/busy")] == 2  # retried once after the 429
    assert Handler.hits[("HEAD", "/error")] == 3  # the first try and two retries
    assert Handler.hits[("GET", "/no-head")] == 1  # HEAD refused: asked again with GET


def test_retry_waits_back_off_and_honour_retry_after(server, checker):
    checker.check_all([f"{server}/error", f"{server}/busy"])
    assert sorted(checker.waits) == [0.0, 0.01, 0.02]  # Retry-After: 0 for /busy; 0.01, 0.02 for /error


def test_slow_answer_times_out(server, checker):
    result = checker.check(f"{server}/slow")
    assert result.state == "broken" and result.detail == "timed out after 2 retries"


def test_connection_refused_and_dns_failure(checker, monkeypatch):
    assert checker.check("http://127.0.0.1:9/").detail == "connection refused"

    def no_such_host(*args, **kwargs):  # no query leaves the machine
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    assert checker.check("http://docs.example/").detail == "DNS lookup failed"


def test_tls_failure_is_named(checker, server):
    # An https:// request to the plain-HTTP test server fails in the TLS handshake.
    result = checker.check(server.replace("http://", "https://") + "/ok")
    assert result.state == "broken" and result.detail.startswith("TLS failed")


def test_results_are_cached_so_a_second_run_asks_nothing(server, checker, tmp_path):
    urls = [f"{server}/ok", f"{server}/missing", f"{server}/error"]
    checker.check_all(urls)
    asked = sum(Handler.hits.values())
    again = Checker(checker.settings, sleep=lambda s: None)
    results = again.check_all(urls)
    # /ok and /missing came from the cache; /error (a passing failure) was asked again.
    assert sum(Handler.hits.values()) - asked == 3
    assert results[f"{server}/missing"].detail == "HTTP 404 Not Found"


def test_expired_cache_entries_are_asked_again(server, tmp_path):
    settings = Settings(cache=tmp_path / "cache.json", cache_days=0, timeout=0.5)
    Checker(settings).check_all([f"{server}/ok"])
    before = Handler.hits[("HEAD", "/ok")]
    Checker(settings).check_all([f"{server}/ok"])
    assert Handler.hits[("HEAD", "/ok")] == before + 1


def test_ignore_list(server, tmp_path):
    checker = Checker(Settings(ignore=("/missing$",), cache=None, timeout=0.5))
    assert set(checker.check_all([f"{server}/missing", f"{server}/ok"])) == {f"{server}/ok"}


def test_progress_is_reported(server, checker):
    seen: list[tuple[int, int]] = []
    checker.check_all([f"{server}/ok", f"{server}/gone"], progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)


def test_retry_after_accepts_seconds_and_dates():
    assert retry_after("3", 1.0) == 3.0
    assert retry_after(None, 1.5) == 1.5
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1.0) == 0.0  # in the past
    assert retry_after("soon", 2.0) == 2.0


def test_settings_are_validated(tmp_path):
    assert read_settings({"ignore": ["^https://example"]}, tmp_path).ignore == ("^https://example",)
    with pytest.raises(ValueError, match=r"extra.linkcheck.ignor: Unrecognised configuration name: ignor"):
        read_settings({"ignor": []}, tmp_path)
    with pytest.raises(ValueError, match=r"extra.linkcheck.ignore: '\(' is not a valid regular expression"):
        read_settings({"ignore": ["("]}, tmp_path)


def test_the_hook_reports_external_problems_as_file_and_line(server, tiny_site, monkeypatch):
    monkeypatch.setenv("LINKCHECK_EXTERNAL", "1")
    page = f"# Home\n\n[fine]({server}/ok)\n\n[gone]({server}/gone)\n\n[moved]({server}/moved)\n"
    build = tiny_site({"index.md": page}, hooks=("links",), extra="extra:\n  linkcheck:\n    cache: .cache/l.json\n")
    warnings = [m for m in build.messages() if m.startswith("docs/")]
    assert warnings == [f"docs/index.md:5: link '{server}/gone' is broken: HTTP 410 Gone"]
    infos = [m for m in build.messages(0) if "moved permanently" in m]
    assert infos == [f"docs/index.md:7: link '{server}/moved' has moved permanently; use '{server}/ok'"]


def test_external_links_are_not_checked_by_default(server, tiny_site, monkeypatch):
    monkeypatch.delenv("LINKCHECK_EXTERNAL", raising=False)
    Handler.hits.clear()
    build = tiny_site({"index.md": f"# Home\n\n[gone]({server}/gone)\n"}, hooks=("links",))
    assert build.ok and not Handler.hits

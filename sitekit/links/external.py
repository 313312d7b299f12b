"""External links: checked concurrently, politely and with a cache, only when asked.

Each host gets at most a few requests at a time. A link is asked for with HEAD, and with GET
when the server refuses HEAD. 429 and 5xx answers are retried with backoff, honouring
`Retry-After`. A permanent redirect (301, 308) works but is reported as a hint with the new
address. Results are kept in a JSON file for a while, so a second run asks nothing again.
"""

from __future__ import annotations

import email.utils
import json
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from urllib.parse import urljoin, urlsplit

from sitekit.links.settings import Settings

USER_AGENT = "Mozilla/5.0 (compatible; aws-container-services-link-check)"
RETRY_CODES = {429, 500, 502, 503, 504}
HEAD_REFUSED = {400, 403, 404, 405, 501}
PERMANENT = {301, 308}
TEMPORARY = {302, 303, 307}


@dataclass
class Result:
    """What checking one URL found.

    `state` is `ok`, `moved` (works, but through a permanent redirect to `location`) or
    `broken` (with the reason in `detail`).
    """

    url: str
    state: str
    detail: str = ""
    location: str = ""
    checked: float = 0.0


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to the checker, which follows them itself to see permanent ones."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def retry_after(value: str | None, default: float) -> float:
    """Return the wait a `Retry-After` header asks for, in seconds (seconds or an HTTP date)."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


def describe(error: BaseException) -> str:
    """Say in a few words why a request failed."""
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.gaierror):
        return "DNS lookup failed"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failed: {getattr(reason, 'reason', None) or reason}"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    return str(reason)


class Checker:
    """Checks URLs; one instance per build."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.sleep = sleep
        self.ignore = [re.compile(pattern) for pattern in settings.ignore]
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self.cache: dict[str, Result] = self._load_cache()

    def _load_cache(self) -> dict[str, Result]:
        path = self.settings.cache
        if path is None or not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            cached = {url: Result(**entry) for url, entry in data.items()}
        except (ValueError, TypeError):
            return {}
        fresh_since = time.time() - self.settings.cache_days * 86400
        return {url: result for url, result in cached.items() if result.checked >= fresh_since}

    def save_cache(self) -> None:
        """Write the results worth keeping: those that are not passing failures."""
        path = self.settings.cache
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {url: asdict(result) for url, result in sorted(self.cache.items())}
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")

    def is_ignored(self, url: str) -> bool:
        """Is the URL on the ignore list?"""
        return any(pattern.search(url) for pattern in self.ignore)

    def check_all(self, urls: list[str], progress: Callable[[int, int], None] | None = None) -> dict[str, Result]:
        """Check every URL (ignored ones excepted), concurrently; return the results by URL."""
        todo = [url for url in dict.fromkeys(urls) if not self.is_ignored(url)]
        results = {url: self.cache[url] for url in todo if url in self.cache}
        pending = [url for url in todo if url not in results]
        done = len(results)
        if progress:
            progress(done, len(todo))
        with ThreadPoolExecutor(max_workers=self.settings.workers) as pool:
            for result in pool.map(self.check, pending):
                results[result.url] = result
                if result.state != "broken" or result.detail.startswith(("HTTP 404", "HTTP 410")):
                    self.cache[result.url] = result
                done += 1
                if progress:
                    progress(done, len(todo))
        self.save_cache()
        return results

    def _host(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.settings.per_host)
            return self._hosts[host]

    def check(self, url: str) -> Result:
        """Check one URL, following redirects (at most five)."""
        first_hop_permanent = None
        current = url
        for _ in range(6):
            code, location, detail = self._fetch(current)
            if code is not None and code in PERMANENT | TEMPORARY and location:
                target = urljoin(current, location)
                if current == url and code in PERMANENT:
                    first_hop_permanent = target
                current = target
                continue
            if code is not None and code < 400:
                if first_hop_permanent:
                    return Result(url, "moved", location=first_hop_permanent, checked=time.time())
                return Result(url, "ok", checked=time.time())
            return Result(url, "broken", detail=detail, checked=time.time())
        return Result(url, "broken", detail="too many redirects", checked=time.time())

    def _fetch(self, url: str) -> tuple[int | None, str, str]:
        """Ask for one URL, retrying what is worth retrying; return (status, Location, why)."""
        method = "HEAD"
        attempt = 0
        while True:
            with self._host(url):
                code, headers, detail = self._request(url, method)
            if method == "HEAD" and code in HEAD_REFUSED:
                method = "GET"
                continue
            retryable = code in RETRY_CODES or (code is None and detail == "timed out")
            if retryable and attempt < self.settings.retries:
                wait = self.settings.backoff * 2**attempt
                if code in (429, 503):
                    wait = retry_after(headers.get("Retry-After"), wait)
                self.sleep(min(wait, self.settings.max_wait))
                attempt += 1
                continue
            if retryable and attempt:
                detail += f" after {attempt} retr{'y' if attempt == 1 else 'ies'}"
            return code, headers.get("Location", ""), detail

    def _request(self, url: str, method: str) -> tuple[int | None, dict[str, str], str]:
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with _opener.open(request, timeout=self.settings.timeout) as response:
                return response.status, dict(response.headers), ""
        except urllib.error.HTTPError as error:
            headers = dict(error.headers or {})
            error.close()
            return error.code, headers, f"HTTP {error.code} {error.reason}"
        except (urllib.error.URLError, OSError, ValueError) as error:
            return None, {}, describe(error)

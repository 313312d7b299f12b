"""Lighthouse scores (mobile) of every page, served as GitHub Pages would serve them.

    python bench/lighthouse.py            # needs `npm ci` (Lighthouse) and Chromium

Builds the site for a local address, serves it on 127.0.0.1 with gzip and cache headers,
and runs Lighthouse's default mobile audit (simulated slow 4G, 4x CPU slowdown) on each
page. Prints performance, accessibility, best-practices and SEO scores.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip and a cache lifetime, like GitHub Pages."""

    def log_message(self, format: str, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Cache-Control", "max-age=600")
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main() -> None:
    only = sys.argv[1:]  # optional page paths, e.g. ecr/ self-check/
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` first")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: GzipHandler(*a, directory=str(site)))
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
        pages = ["" if p == "." else p + "/" for p in pages if not p.startswith(("search", "assets"))]
        pages = [p for p in pages if not only or p in only]
        print(f"{'page':<14} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}   LCP     TBT   CLS")
        for page in pages:
            report = Path(tmp) / "report.json"
            subprocess.run(
                [
                    str(LIGHTHOUSE),
                    url + page,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                    "--disable-component-update --no-first-run",
                ],
                check=True,
                env={**os.environ, "CHROME_PATH": CHROMIUM},
            )
            data = json.loads(report.read_text())
            scores = [
                round(100 * data["categories"][c]["score"])
                for c in ("performance", "accessibility", "best-practices", "seo")
            ]
            audits = data["audits"]
            metrics = [
                audits[name]["displayValue"]
                for name in ("largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
            ]
            print(
                f"{page or 'home':<14} "
                + " ".join(f"{s:>5}" for s in scores)
                + f"  {metrics[0]:>6} {metrics[1]:>7} {metrics[2]:>5}"
            )
            if os.environ.get("LIGHTHOUSE_DETAILS"):
                for audit in ("layout-shifts", "long-tasks", "bootup-time"):
                    items = audits.get(audit, {}).get("details", {}).get("items", [])
                    print(f"    {audit}: {json.dumps(items)[:600]}")
        server.shutdown()


if __name__ == "__main__":
    main()

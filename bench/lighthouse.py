"""Lighthouse scores (mobile) of every page, served as GitHub Pages would serve them.

    python bench/lighthouse.py [--runs 3] [PAGE ...]    # needs `npm ci` (Lighthouse) and Chromium

Builds the site for a local address, serves it on 127.0.0.1 with gzip and cache headers,
and runs Lighthouse's default mobile audit (simulated slow 4G, 4x CPU slowdown) on each
page, `--runs` times. Prints the median of each score and metric over the runs, and the
lowest and highest performance score.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import os
import statistics
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


def audit(url: str, report: Path) -> tuple[list[int], list[float]]:
    """One Lighthouse run: the four scores, and LCP (s), TBT (ms) and CLS."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
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
        round(100 * data["categories"][c]["score"]) for c in ("performance", "accessibility", "best-practices", "seo")
    ]
    audits = data["audits"]
    metrics = [
        audits["largest-contentful-paint"]["numericValue"] / 1000,
        audits["total-blocking-time"]["numericValue"],
        audits["cumulative-layout-shift"]["numericValue"],
    ]
    return scores, metrics


@contextlib.contextmanager
def served_site():
    """Build the site for a local address and serve it on 127.0.0.1: yield (site, url, pages)."""
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
        try:
            yield site, url, pages
        finally:
            server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("only", nargs="*", help="page paths, e.g. ecr/ self-check/ (default: every page)")
    args = parser.parse_args()
    only = args.only
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` first")
    with served_site() as (site, url, pages):
        pages = [p for p in pages if not only or p in only]
        print(f"Lighthouse, mobile, median of {args.runs} runs per page")
        print(f"{'page':<20} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}   {'LCP':>6} {'TBT':>7} {'CLS':>6}  range")
        for page in pages:
            runs = [audit(url + page, site / "lighthouse-report.json") for _ in range(args.runs)]
            scores = [statistics.median(run[0][i] for run in runs) for i in range(4)]
            metrics = [statistics.median(run[1][i] for run in runs) for i in range(3)]
            perf = [run[0][0] for run in runs]
            print(
                f"{page or 'home':<20} "
                + " ".join(f"{s:>5.0f}" for s in scores)
                + f"   {metrics[0]:5.1f}s {metrics[1]:5.0f}ms {metrics[2]:6.3f}  {min(perf)}-{max(perf)}"
            )


if __name__ == "__main__":
    main()

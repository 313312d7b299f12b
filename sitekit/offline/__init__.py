"""Offline and installable: a service worker that precaches the built site, and a web app manifest.

`write_offline_files(site_dir, name, description)` runs after a build (the MkDocs hook, or
`python -m sitekit build` for other builders). It lists every file of the built site with a
revision (a hash of its bytes), writes `sw.js` from the template beside this file, and
`manifest.webmanifest`. The theme registers the worker after the page has loaded, so the
first visit is not slowed; `mkdocs serve` gets a worker that removes itself instead, so
that editing never shows a stale page.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

TEMPLATE = Path(__file__).with_name("sw.js")
# Files a reader never needs offline: the sitemap is for search engines, and the search's
# language packs serve languages other than this site's English.
SKIPPED = {"sw.js", "sitemap.xml", "sitemap.xml.gz"}
SKIPPED_FOLDERS = ("assets/javascripts/lunr/",)
ICONS = [("assets/images/icon-192.png", "192x192"), ("assets/images/icon-512.png", "512x512")]
UNREGISTER = """\
/* Under `mkdocs serve` the site is not cached: remove any worker a built copy left behind. */
self.addEventListener("install", () => self.skipWaiting())
self.addEventListener("activate", event =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("site-")) await caches.delete(name)
      await self.registration.unregister()
    })()
  )
)
"""


def precache_list(site_dir: Path) -> list[tuple[str, str]]:
    """Every file of the built site (relative path, revision), directory pages as `x/`."""
    files = []
    top = os.fspath(site_dir)
    for folder, _, names in os.walk(top):
        prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/"
        prefix = "" if prefix == "./" else prefix
        for name in names:
            rel = prefix + name
            if rel in SKIPPED or rel.startswith(SKIPPED_FOLDERS) or rel.endswith((".map", ".gz")):
                continue
            with open(os.path.join(folder, name), "rb") as file:
                revision = hashlib.sha256(file.read()).hexdigest()[:12]
            files.append((rel.removesuffix("index.html") or "./", revision))
    return sorted(files)


def write_offline_files(site_dir: str | os.PathLike[str], name: str, description: str, serving: bool = False) -> None:
    """Write `sw.js` and `manifest.webmanifest` into the built site."""
    site = Path(site_dir)
    manifest = {
        "name": name,
        "short_name": name if len(name) <= 12 else "".join(word[0] for word in name.split() if word[0].isalnum()),
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#3f51b5",
        "icons": [{"src": src, "sizes": sizes, "type": "image/png", "purpose": "any"} for src, sizes in ICONS],
    }
    (site / "manifest.webmanifest").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    if serving:
        (site / "sw.js").write_text(UNREGISTER, encoding="utf-8")
        return
    files = precache_list(site)
    version = hashlib.sha256(json.dumps(files).encode()).hexdigest()[:12]
    script = TEMPLATE.read_text(encoding="utf-8")
    script = script.replace("__FILES__", json.dumps(files, separators=(",", ":"))).replace(
        "__VERSION__", json.dumps(version)
    )
    (site / "sw.js").write_text(script, encoding="utf-8")

"""Render every Mermaid diagram of the site to the SVG the build inlines (`make diagrams`).

    python -m sitekit.diagrams.render          # render new or changed diagrams
    python -m sitekit.diagrams.render --check  # only report what is missing (exit 1)

Run it in the folder of mkdocs.yml. Needs Chromium (Playwright drives it) and Mermaid from
npm (`npm ci`). Each diagram is stored as `diagrams/<digest>.svg`; SVGs that no page uses
any more are deleted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sitekit.diagrams import source as diagram_source
from sitekit.diagrams import svg as mermaid_svg

ROOT = Path.cwd()
MERMAID_JS = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
STORE = ROOT / "diagrams"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MERMAID_CONFIG = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "theme": "neutral",
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False, "padding": 16, "nodeSpacing": 40, "rankSpacing": 48},
    "fontFamily": "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif",
}


def diagrams_in(docs: Path) -> dict[str, tuple[Path, diagram_source.Fence]]:
    """Return every diagram of the docs, by digest, with the first place it appears."""
    found: dict[str, tuple[Path, diagram_source.Fence]] = {}
    for path in sorted(docs.rglob("*.md")):
        for fence in diagram_source.find_fences(path.read_text(encoding="utf-8")):
            found.setdefault(fence.digest, (path, fence))
    return found


def render(todo: dict[str, tuple[Path, diagram_source.Fence]]) -> list[str]:
    """Render diagrams in Chromium; return the errors, one line each."""
    from playwright.sync_api import sync_playwright

    errors = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(MERMAID_JS))
        page.evaluate("config => mermaid.initialize(config)", MERMAID_CONFIG)
        for name, (path, fence) in todo.items():
            where = f"{path.relative_to(ROOT)}:{fence.line}"
            try:
                svg = page.evaluate(
                    "async ([id, text]) => (await mermaid.render(id, text)).svg",
                    [f"diagram-{name}", fence.source],
                )
            except Exception as error:  # Mermaid's parse errors arrive as browser errors.
                message = str(error).split("\n")[0].removeprefix("Error: ")
                errors.append(f"{where}: the diagram does not parse: {message}")
                continue
            (STORE / f"{name}.svg").write_text(mermaid_svg.clean_svg(svg, name) + "\n", encoding="utf-8")
            print(f"{where}: rendered diagrams/{name}.svg")
        browser.close()
    return errors


def main() -> int:
    """Render what is missing, delete what is unused, and report problems."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report missing SVGs, change nothing")
    parser.add_argument("--all", action="store_true", help="render every diagram again")
    args = parser.parse_args()

    STORE.mkdir(exist_ok=True)
    diagrams = diagrams_in(ROOT / "docs")
    errors = [
        f"{path.relative_to(ROOT)}:{fence.line}: the diagram has no {name}: line; add one for screen readers"
        for path, fence in diagrams.values()
        for name in diagram_source.missing_accessibility(fence.source)
    ]
    todo = {n: d for n, d in diagrams.items() if args.all or not (STORE / f"{n}.svg").exists()}
    unused = [p for p in STORE.glob("*.svg") if p.stem not in diagrams]
    if args.check:
        errors += [f"{p.relative_to(ROOT)}:{f.line}: the diagram has no rendered SVG" for p, f in todo.values()]
        errors += [f"{p.relative_to(ROOT)}: no page uses this SVG any more" for p in unused]
    else:
        if todo:
            if not MERMAID_JS.exists():
                print("Mermaid is missing: run `npm ci` first.", file=sys.stderr)
                return 1
            errors += render(todo)
        for path in unused:
            path.unlink()
            print(f"deleted unused {path.relative_to(ROOT)}")
    for line in errors:
        print(line, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

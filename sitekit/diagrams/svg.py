"""Turn the SVG that Mermaid renders into the SVG the site inlines.

Mermaid's own output carries a style sheet with fixed colors, animation rules, unused
markers and filters, and base64 layout data. The site styles diagrams itself (so they follow
the light and dark schemes), so all of that goes; what stays is the drawing, its title and
description for screen readers, and ids prefixed so that they are unique on a page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)

RE_URL_REF = re.compile(r"url\(#([^)]+)\)")
KEEP_DATA = {"data-look"}


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def clean_svg(svg: str, source_digest: str) -> str:
    """Return Mermaid's SVG reduced to what the site needs.

    Args:
        svg: The markup `mermaid.render()` returned.
        source_digest: The digest of the diagram text, recorded in the SVG so that a
            reviewer can tell which text it was rendered from.

    Returns:
        One line of SVG markup with `role="img"`, its `<title>` and `<desc>`, and no
        `<style>`, inline styles, animation, unused definitions or `data-` attributes.
    """
    root = ET.fromstring(svg)
    width = re.search(r"max-width:\s*([\d.]+)px", root.get("style", ""))

    for parent in list(root.iter()):
        for child in list(parent):
            if _tag(child) == "style":
                parent.remove(child)

    for parent in list(root.iter()):
        for child in list(parent):
            if _tag(child) == "rect" and not ("width" in child.attrib and "height" in child.attrib):
                parent.remove(child)  # Mermaid's placeholder rects draw nothing (and are invalid)

    used = set()
    for el in root.iter():
        for name in ("marker-start", "marker-end", "marker-mid", "filter", "fill", "stroke"):
            used.update(RE_URL_REF.findall(el.get(name, "")))
    for parent in list(root.iter()):
        for child in list(parent):
            if _tag(child) in {"marker", "filter", "linearGradient"} and child.get("id") not in used:
                parent.remove(child)
    for parent in list(root.iter()):
        for child in list(parent):
            if _tag(child) == "defs" and not len(child):
                parent.remove(child)

    for el in root.iter():
        for name in list(el.attrib):
            if name == "style" or (name.startswith("data-") and name not in KEEP_DATA):
                del el.attrib[name]

    for name in ("aria-roledescription",):
        root.attrib.pop(name, None)
    root.set("role", "img")
    root.set("data-source-digest", source_digest)
    if width:
        root.set("width", str(round(float(width.group(1)))))
        root.attrib.pop("height", None)
    text = ET.tostring(root, encoding="unicode")
    return re.sub(r">\s+<", "><", text)

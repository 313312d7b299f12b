"""Tables in a frame of their own (sitekit.tables)."""

from __future__ import annotations

from xml.etree import ElementTree as etree

import markdown

from sitekit.tables import frame_tables

TABLE = "| Service | Pays for |\n| --- | --- |\n| Fargate | vCPU and memory |\n"


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["tables", "admonition", "sitekit.tables"]).convert(text)


def test_a_table_in_the_article_stands_in_its_own_frame():
    html = convert("Before.\n\n" + TABLE + "\nAfter.")
    assert '<div class="table-frame"><table>' in "".join(html.split("\n"))
    assert html.index("Before.") < html.index("table-frame") < html.index("</table>") < html.index("After.")
    assert html.count("<table>") == html.count('class="table-frame"') == 1


def test_a_framed_table_is_not_framed_again():
    root = etree.fromstring("<div><p>x</p><table><tr><td>1</td></tr></table></div>")
    frame_tables(root)
    frame_tables(root)
    assert etree.tostring(root, encoding="unicode").count("table-frame") == 1


def test_a_table_inside_another_block_is_framed_once():
    html = convert('!!! note "Prices"\n\n    ' + TABLE.replace("\n", "\n    ") + "\n")
    assert html.count('class="table-frame"') == 1
    assert html.index('class="admonition note"') < html.index('class="table-frame"')

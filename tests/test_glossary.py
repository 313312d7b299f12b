"""The glossary's abbreviations: marked at their first use in each section and each quiz."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown

from sitekit.glossary import first_uses
from sitekit.quizzes.extension import QuizExtension

GLOSSARY = "*[ECS]: Amazon Elastic Container Service\n*[ECR]: Amazon Elastic Container Registry\n"


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["abbr", "sitekit.glossary", "admonition"])
    return md.convert(text + "\n\n" + GLOSSARY)


def marked(html: str) -> list[str]:
    return re.findall(r"<abbr [^>]*>([^<]*)</abbr>", html)


def test_a_term_is_marked_once_per_section_and_its_words_stay():
    html = render(
        "ECS runs tasks; ECS pulls from ECR. Then ECS again.\n\n"
        "!!! note\n    ECS and ECR here too.\n\n"
        "## Next section\n\nECS once more, and ECR.\n\n### Under it\n\nECS in a subsection."
    )
    assert marked(html) == ["ECS", "ECR", "ECS", "ECR"]
    text = re.sub(r"<[^>]+>", "", html)
    assert "ECS runs tasks; ECS pulls from ECR. Then ECS again." in text
    assert "ECS and ECR here too." in text and "ECS in a subsection." in text


def test_each_quiz_marks_its_own_first_use():
    md = markdown.Markdown(extensions=["abbr", QuizExtension(), "sitekit.glossary"])
    html = md.convert(
        "ECS first.\n\n"
        "/// quiz | Which service runs ECS tasks?\n- [x] ECS\n- [ ] ECR\n///\n\n"
        "/// quiz | Where do ECS images live?\n- [x] ECR\n- [ ] ECS\n///\n\n" + GLOSSARY
    )
    assert marked(html) == ["ECS", "ECS", "ECR", "ECS", "ECR"]


def test_unmarking_keeps_the_text_around_each_removed_abbreviation():
    root = etree.fromstring(
        '<div><p><abbr title="x">A</abbr> b <abbr title="x">A</abbr> c<abbr title="x">A</abbr></p></div>'
    )
    assert first_uses(root) == 2
    assert etree.tostring(root, encoding="unicode") == '<div><p><abbr title="x">A</abbr> b A cA</p></div>'

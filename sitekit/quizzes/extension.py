"""The quiz extension for Python-Markdown: `/// quiz` blocks, the Self-check collection, and
the score and question numbers of each page.

List it in `markdown_extensions` as `sitekit.quizzes`; every builder that reads `mkdocs.yml`
runs it. Options:

- `report`: a callable that hears about every quiz block as it is read, `report(question,
  quiz, error)`; builders' adapters use it to name the file and line of a mistake.
- `config_file`: the `mkdocs.yml` whose navigation the Self-check collection follows.

Without `report`, a malformed quiz is shown on the page as a note that says what is wrong,
never as the raw text of its options (which would give the answer away).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any, ClassVar

import pymdownx.blocks
import yaml
from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from sitekit.quizzes import collection, render
from sitekit.quizzes.model import Quiz, QuizError, read_quiz

Report = Callable[[str | None, Quiz | None, QuizError | None], None]
RE_COLLECTION = re.compile(r"^/{3,}[ \t]*quiz-collection[ \t]*$")
RE_END = re.compile(r"^/{3,}[ \t]*$")


def _no_report(question: str | None, quiz: Quiz | None, error: QuizError | None) -> None:
    """Without an adapter listening, a mistake shows only on the page."""


class QuizBlock(Block):
    """`/// quiz | question`: a self-check question."""

    NAME = "quiz"
    ARGUMENT = None  # optional here, so that a missing question is reported, not left as text
    OPTIONS: ClassVar[dict[str, tuple[Any, Callable[[Any], Any]]]] = {}

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        """Accept every header; the options are checked in `on_end` and reported there."""
        self.argument = arg
        self.raw_options = options
        self.options = {"attrs": {}}
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Create the quiz's root element."""
        return etree.SubElement(parent, "div", {"class": "quiz"})

    def on_markdown(self) -> str:
        """The body is Markdown blocks: lists, paragraphs, code."""
        return "block"

    def on_end(self, block: etree.Element) -> None:
        """Read the finished block and build the quiz, or show and report the mistake."""
        report: Report = self.config["report"]
        try:
            quiz = read_quiz(self.argument, self.raw_options, list(block))
        except QuizError as error:
            render.render_invalid(block, str(error))
            if "from" not in self.raw_options:  # a copy's mistake is reported where it is written
                report(self.argument, None, error)
            return
        render.render_quiz(block, quiz)
        report(self.argument, quiz, None)


class ProgressBlock(Block):
    """`/// quiz-progress`: the learner's progress by page and by learning goal."""

    NAME = "quiz-progress"
    ARGUMENT = False
    OPTIONS: ClassVar[dict[str, tuple[Any, Callable[[Any], Any]]]] = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Build the breakdown from every page's quizzes (the script fills in the numbers)."""
        module = collection.read_module(self.config["config_file"])
        return render.progress(parent, module)


class CollectionPreprocessor(Preprocessor):
    """Replace a `/// quiz-collection` block with every other page's quizzes, as Markdown."""

    def __init__(self, md: Markdown, config_file: str) -> None:
        super().__init__(md)
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        start = next((i for i, line in enumerate(lines) if RE_COLLECTION.match(line)), None)
        if start is None:
            return lines
        end = next((i for i in range(start + 1, len(lines)) if RE_END.match(lines[i])), start)
        text = collection.collection_markdown(collection.read_module(self.config_file))
        return [*lines[:start], *text.split("\n"), *lines[end + 1 :]]


class PageTreeprocessor(Treeprocessor):
    """On a page with quizzes: the score and list of questions below the title, and each
    question numbered ("Question 3 of 8")."""

    def run(self, root: etree.Element) -> None:
        quizzes = [el for el in root.iter("div") if el.get("data-quiz")]
        if not quizzes:
            return
        if not any(el.get("data-quiz-progress") is not None for el in root.iter("section")):
            box = render.score_box(quizzes)
            at = next((i + 1 for i, el in enumerate(root) if el.tag == "h1"), 0)
            while at < len(root) and root[at].get("class") == "page-reading-time":
                at += 1
            root.insert(at, box)
        render.number_quizzes(quizzes)


class QuizExtension(BlocksExtension):
    """Registers the quiz blocks, the collection and the page's score."""

    def __init__(self, **kwargs: Any) -> None:
        """Options: `report` (who hears about each quiz) and `config_file` (mkdocs.yml)."""
        self.config = {
            "report": [_no_report, "Called with (question, quiz, error) for every quiz block"],
            "config_file": ["mkdocs.yml", "The mkdocs.yml whose navigation the Self-check collection follows"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        """Register the blocks with the Blocks manager, and the page-level processors."""
        config_file = str(self.getConfig("config_file"))
        block_mgr.register(QuizBlock, {"report": self.getConfig("report")})
        block_mgr.register(ProgressBlock, {"config_file": config_file})
        md.preprocessors.register(CollectionPreprocessor(md, config_file), "quiz-collection", 29)
        md.treeprocessors.register(PageTreeprocessor(md), "quiz-page", 4)
        if not isinstance(block_mgr.start, _QuickStart):
            block_mgr.start = _QuickStart(block_mgr.start)
        if not hasattr(block_mgr.parse_blocks, "walks_when_nested"):
            block_mgr.parse_blocks = _walk_when_nested(block_mgr)
        if yaml.__with_libyaml__:
            pymdownx.blocks.get_frontmatter = read_header_options


def makeExtension(**kwargs: Any) -> QuizExtension:
    """Return the extension, as Python-Markdown expects of a module named in its list."""
    return QuizExtension(**kwargs)


def read_header_options(text: str) -> dict[str, Any] | None:
    """Read a block's YAML options as `pymdownx.blocks.get_frontmatter` does, with libyaml.

    Blocks reads options with PyYAML's pure-Python loader, which made reading the options
    of a quiz cost more than building it; libyaml's safe loader gives the same values.
    None means the options are not a YAML mapping (the header is then not a block).
    """
    try:
        options = yaml.load(text, Loader=yaml.CSafeLoader)
    except Exception:  # as in Blocks: whatever fails to load is not options
        return None
    if options is None:
        return {}
    if not isinstance(options, dict) or not all(isinstance(key, str) for key in options):
        return None  # not a mapping of option names
    return options


def _walk_when_nested(block_mgr: Any) -> Callable[[list[str], etree.Element], None]:
    """The Blocks manager's loop over a block's text, without its walk of the whole page.

    For each paragraph of an open block, Blocks maps every element under the parent to its
    parent, to count the list items between nested blocks, and uses the map only when blocks
    are nested. On a page of many quizzes that walk made the build quadratic (the Self-check
    page of a module with 700 quizzes took 4 s); the parent is now walked only when used.
    """
    parse_blocks = block_mgr.parse_blocks

    def parse(blocks: list[str], current_parent: etree.Element) -> None:
        parse_blocks(blocks, _TreeWhenNested(block_mgr, current_parent))

    parse.walks_when_nested = True
    return parse


class _TreeWhenNested:
    """A block's parent as the Blocks loop walks it: the whole tree while blocks are nested
    (the only time the loop reads it), nothing while one block is open."""

    def __init__(self, block_mgr: Any, parent: etree.Element) -> None:
        self.block_mgr = block_mgr
        self.parent = parent

    def iter(self):
        return self.parent.iter() if len(self.block_mgr.stack) > 1 else iter(())


class _QuickStart:
    """The Blocks manager's start pattern, tried only on text that holds `///` at all.

    The manager searches every block of every page with a pattern that cannot skip ahead,
    which costs as much as a whole block extension; a block header needs three slashes, so
    looking for them first gives the same answers for a fraction of the time.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if "///" in text else None

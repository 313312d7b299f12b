"""Self-check quizzes: the `/// quiz` block, the Self-check collection and progress.

`sitekit.quizzes` is a Python-Markdown extension (`markdown_extensions: - sitekit.quizzes`);
`model` reads a quiz, `render` builds its markup, `source` reads quizzes in Markdown
sources, `collection` works across pages, and `check` finds authors' mistakes.
"""

from sitekit.quizzes.extension import QuizExtension, makeExtension

__all__ = ["QuizExtension", "makeExtension"]

"""What builds and checks the site, one folder per capability.

- `quizzes`: the `/// quiz` Markdown extension, the Self-check collection, quizzes.json.
- `diagrams`: Mermaid fences shown as pre-rendered SVG (a SuperFences custom fence).
- `links`: every link of the built site, internal and external.
- `api_examples`: AWS CLI commands and API documents checked against the AWS API models.
- `page_dates`: when each page last changed, from git.

Each capability's logic knows nothing of a builder's events; `hooks/` adapts it to MkDocs
(and ProperDocs), and `python -m sitekit` runs the checks and build steps without them.
"""

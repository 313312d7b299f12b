"""Highlighted code without Pygments' empty wrappers around spaces."""

from __future__ import annotations

import markdown

from sitekit.highlight import focusable_blocks, unwrap_spaces


def test_space_wrappers_go_and_the_spaces_stay():
    html = '<code>aws<span class="w"> </span>ecr<span class="w">    </span><span class="se">\\</span></code>'
    assert unwrap_spaces(html) == '<code>aws ecr    <span class="se">\\</span></code>'


def test_a_highlighted_block_keeps_its_text_and_colours_without_space_wrappers():
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences", "sitekit.highlight"])
    html = md.convert("```bash\naws ecr describe-repositories --region us-east-1 # list\n```")
    assert 'class="w"' not in html
    assert 'aws ecr describe-repositories --region us-east-1 <span class="c1"># list</span>' in html


def test_each_highlighted_block_is_a_tab_stop_until_the_theme_has_measured_it():
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences", "sitekit.highlight"])
    html = md.convert("```bash\naws ecr describe-repositories\n```\n\n```text\nplain\n```\n\nInline `code`.")
    assert html.count('<code tabindex="0">') == 2
    assert "Inline <code>code</code>" in html


def test_only_highlighted_blocks_get_a_tab_stop():
    assert focusable_blocks("<pre><code>x</code></pre>") == "<pre><code>x</code></pre>"

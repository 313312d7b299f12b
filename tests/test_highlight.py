"""Highlighted code without Pygments' empty wrappers around spaces."""

from __future__ import annotations

import markdown

from sitekit.highlight import focusable_blocks, mark_annotation_lists, unwrap_spaces


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


def test_the_list_after_a_block_with_annotation_markers_is_marked_as_its_annotations():
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences", "sitekit.highlight"])
    html = md.convert(
        "```bash\naws ecr describe-registry # (1)!\n```\n\n1.  What it shows.\n\n"
        "```bash\naws ecr describe-repositories\n```\n\n1.  A list of its own.\n"
    )
    assert html.count('<ol class="code-annotations">') == 1
    assert html.index('<ol class="code-annotations">') < html.index("describe-repositories")
    assert html.count("<ol>") == 1


def test_a_marker_in_one_block_never_marks_the_list_after_another():
    first = '<div class="language-bash highlight"><pre><code>x <span class="c1"># (1)!</span></code></pre></div>'
    second = '<div class="language-bash highlight"><pre><code>y</code></pre></div>'
    html = f"{first}\n<p>Text.</p>\n{second}\n<ol>\n<li>Steps</li>\n</ol>"
    assert mark_annotation_lists(html) == html

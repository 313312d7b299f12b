"""In real Chromium: every page passes axe-core, instant navigation works, and the quizzes
work with the mouse, the keyboard, reloads and instant navigation."""

from __future__ import annotations

import contextlib
import itertools
import json

import pytest
from test_site import nav_pages

pytestmark = pytest.mark.browser

PAGES = [("" if s == "index.md" else s.removesuffix(".md") + "/") for _, s in nav_pages()]


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_timeout(300)  # let color transitions (buttons, links) finish
    results = Axe().run(page).response
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for v in results["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_passes_axe(page, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []


def test_instant_navigation_then_axe(page):
    """Follow a nav link without a full reload (instant navigation), and check the new page."""
    page.goto("ecr/")
    page.evaluate("window.__stayed = true")
    nav_link(page, "Amazon EKS").click()
    page.wait_for_url("**/eks/")
    page.wait_for_selector("h1#amazon-eks")
    assert page.evaluate("window.__stayed === true"), "the page was fully reloaded"
    assert axe_violations(page) == []


def scheme_state(tab) -> tuple:
    """The colour scheme on the page: the body's scheme, the color-scheme meta, the titles of
    the toggles shown (one, when all is well) and the option saved in this browser."""
    return tuple(
        tab.evaluate(
            """() => [
                document.body.dataset.mdColorScheme,
                document.querySelector("meta[name=color-scheme]")?.content,
                [...document.querySelectorAll("[data-palette] label")].filter(l => !l.hidden).map(l => l.title).join(" | "),
                __md_get("__palette")?.index ?? null,
            ]"""
        )
    )


def test_the_colour_scheme_is_applied_before_the_first_paint_and_switched_by_the_toggle(browser, site_url):
    """A first visit follows the system before anything is painted (the body's scheme is set
    while the page is still being parsed); the toggle moves from the system's scheme to
    light, dark and back, with the mouse and with Enter; the choice holds after a reload and
    after instant navigation, and while it follows the system, so does the page."""
    with phone_tab(browser, site_url, color_scheme="dark") as tab:
        tab.add_init_script(
            """new MutationObserver((records, observer) => {
                if (!document.querySelector(".md-content")) return
                window.__atContent = document.body.dataset.mdColorScheme
                observer.disconnect()
            }).observe(document, { childList: true, subtree: true })"""
        )
        tab.goto("ecr/")
        assert tab.evaluate("window.__atContent") == "slate", (
            "the page's text was parsed before the dark scheme applied"
        )
        assert scheme_state(tab) == ("slate", "dark", "Switch to light mode", None)

        tab.emulate_media(color_scheme="light")
        tab.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
        assert scheme_state(tab)[1] == "light"

        tab.get_by_title("Switch to light mode").tap()
        assert scheme_state(tab) == ("default", "light", "Switch to dark mode", 1)
        tab.get_by_title("Switch to dark mode").tap()
        assert scheme_state(tab) == ("slate", "dark", "Switch to system preference", 2)
        assert tab.evaluate("document.body.hasAttribute('data-md-color-switching')") is False

        tab.emulate_media(color_scheme="light")  # a chosen scheme no longer follows the system
        tab.reload()
        assert scheme_state(tab)[0] == "slate"
        tab.evaluate("window.__stayed = true")
        tab.locator("a.md-footer__link--next").tap()
        tab.wait_for_url("**/ecs/")
        assert tab.evaluate("window.__stayed === true"), "the page was fully reloaded"
        assert scheme_state(tab)[0] == "slate"

        tab.focus("#__palette_2")
        tab.keyboard.press("Enter")
        assert scheme_state(tab) == ("default", "light", "Switch to light mode", 0)
        assert tab.evaluate("document.activeElement.id") == "__palette_0"


def test_mobile_layout_has_no_horizontal_scroll(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    tab = context.new_page()
    try:
        for path in PAGES:
            tab.goto(site_url + path)
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path} is {width}px wide on a 375px screen"
    finally:
        context.close()


@contextlib.contextmanager
def phone_tab(browser, site_url: str, **options):
    """A tab on a 390x844 touch screen, without the service worker."""
    context = browser.new_context(
        base_url=site_url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        service_workers="block",
        **options,
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def test_a_code_block_is_mounted_when_it_scrolls_into_view_and_copies_its_command(browser, site_url):
    """Code blocks are mounted lazily (content.lazy): a block far down the page has no copy
    button or annotation yet, but can be reached by Tab; scrolled into view, it gets both,
    and its button copies the command without the annotation marker; the theme's fixes (a
    name for each marker, no landmark for each button bar) reach it too."""
    with phone_tab(browser, site_url, permissions=["clipboard-read", "clipboard-write"]) as tab:
        tab.goto("ecr/")
        tab.wait_for_load_state("networkidle")
        block = tab.locator("pre", has_text="aws ecr put-signing-configuration")
        assert block.locator(".md-code__button").count() == 0, "mounted before it was seen"
        assert block.locator(".md-annotation").count() == 0
        assert block.locator(":scope > code").get_attribute("tabindex") == "0"
        block.scroll_into_view_if_needed()
        block.locator(".md-annotation").wait_for()
        # Mounted after the page's set-up, it still gets the theme's accessibility fixes.
        assert block.locator(".md-code__nav").get_attribute("role") == "none"
        assert block.locator(".md-annotation__index").first.get_attribute("aria-label") == "Annotation 1"
        button = block.locator(".md-code__button[data-md-type=copy]")
        button.click()
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("aws ecr put-signing-configuration"), copied
        assert "(1)" not in copied
        # Mounted, the theme decides: no tab stop on a touch screen without hover.
        assert block.locator(":scope > code").get_attribute("tabindex") is None


def test_scrolling_back_up_past_an_annotated_block_never_moves_the_text(browser, site_url):
    """The block's annotation list waits out of sight until the block is mounted: scrolling up
    into the block, the text under it moves with the finger, 40 pixels a step, and no more."""
    with phone_tab(browser, site_url) as tab:
        tab.goto("ecr/#archive-storage-class")
        tab.wait_for_load_state("networkidle")
        block = tab.locator("pre", has_text="aws ecr put-signing-configuration")
        text = tab.locator("p", has_text="Each signature is stored")
        text.evaluate("p => p.scrollIntoView({block: 'start'})")
        tab.wait_for_timeout(300)
        assert block.locator(".md-annotation").count() == 0, "mounted before it was seen"
        tops = [text.evaluate("p => p.getBoundingClientRect().top")]
        for _ in range(5):
            tab.mouse.wheel(0, -40)
            tab.wait_for_timeout(300)
            tops.append(text.evaluate("p => p.getBoundingClientRect().top"))
        assert block.locator(".md-annotation").count() == 1, "the block was not mounted on the way up"
        steps = [round(after - before) for before, after in itertools.pairwise(tops)]
        assert steps == [40] * 5, f"the text moved by {steps} pixels for five 40-pixel scrolls"


# Quizzes ---------------------------------------------------------------------------------


def nav_link(page, title: str):
    """The link to a page in the primary navigation (Material makes its hrefs absolute)."""
    return page.locator(".md-sidebar--primary a.md-nav__link", has_text=title).first


def first_quiz(page, path: str = "ecr/"):
    page.goto(path)
    quiz = page.locator("[data-quiz][data-quiz-kind='single']").first
    quiz.scroll_into_view_if_needed()
    return quiz


def progress(page) -> dict:
    """The quiz progress the page keeps in localStorage."""
    stored = page.evaluate("Object.entries({...localStorage}).find(([k]) => k.startsWith('quiz-progress:'))")
    return json.loads(stored[1]) if stored else {}


def test_wrong_answer_shows_feedback_and_explanation_then_retry_and_right(page):
    quiz = first_quiz(page)
    wrong = quiz.locator(".quiz__option:not([data-quiz-correct])").first
    wrong.locator("label").click()
    quiz.get_by_role("button", name="Check answer").click()
    assert quiz.get_attribute("data-quiz-state") == "incorrect"
    status = quiz.get_by_role("status")
    assert status.inner_text() == "Not quite. The correct answer is marked."  # said once, not three times
    feedback = wrong.locator(".quiz__feedback")
    if feedback.count():
        assert feedback.is_visible()  # under the option it explains
    assert quiz.locator(".quiz__solution").evaluate("d => d.open")
    right = quiz.locator(".quiz__option[data-quiz-correct]")
    assert right.get_attribute("data-result") == "missed"
    assert right.locator(".quiz__tag").inner_text() == "Correct, not chosen"  # in words, not colour alone
    assert wrong.locator(".quiz__tag").inner_text() == "Wrong, your choice"

    quiz.get_by_role("button", name="Try again").click()
    assert quiz.get_attribute("data-quiz-state") is None
    quiz.locator(".quiz__option[data-quiz-correct] label").click()
    quiz.get_by_role("button", name="Check answer").click()
    assert quiz.get_attribute("data-quiz-state") == "correct"
    assert quiz.get_by_role("status").inner_text().startswith("Correct.")


def test_keyboard_only(page):
    quiz = first_quiz(page)
    quiz.locator("input").first.focus()
    correct = int(quiz.locator(".quiz__option[data-quiz-correct] input").get_attribute("value"))
    for _ in range(correct - 1):
        page.keyboard.press("ArrowDown")  # radio buttons: arrows move and select
    page.keyboard.press("Tab")  # to "Check answer"
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    page.keyboard.press("Enter")
    assert quiz.get_attribute("data-quiz-state") == "correct"
    assert page.evaluate("document.activeElement.textContent") == "Try again"


def test_select_all_that_apply_needs_every_right_option(page):
    page.goto("ecr/")
    quiz = page.locator("[data-quiz-kind='multiple']").first
    quiz.scroll_into_view_if_needed()
    right = quiz.locator(".quiz__option[data-quiz-correct]")
    total = right.count()
    right.first.locator("label").click()
    quiz.get_by_role("button", name="Check answer").click()
    assert quiz.get_attribute("data-quiz-state") == "incorrect"
    # A partly right answer can be read back: how many, and which were picked or missed.
    assert quiz.get_by_role("status").inner_text() == f"Not quite. You chose 1 of {total} correct answers."
    assert right.first.locator(".quiz__tag").inner_text() == "Correct, your choice"
    assert right.nth(1).locator(".quiz__tag").inner_text() == "Correct, not chosen"
    quiz.get_by_role("button", name="Try again").click()
    for label in quiz.locator(".quiz__option[data-quiz-correct] label").all():
        label.click()
    quiz.get_by_role("button", name="Check answer").click()
    assert quiz.get_attribute("data-quiz-state") == "correct"


def test_fill_in_matches_without_case_and_space(page):
    page.goto("fargate/")
    quiz = page.locator("[data-quiz-kind='fill']").first
    quiz.scroll_into_view_if_needed()
    accepted = json.loads(quiz.locator("[data-quiz-answers]").get_attribute("data-quiz-answers"))
    box = quiz.get_by_label("Your answer")
    box.fill("  nonsense ")
    box.press("Enter")
    assert quiz.get_attribute("data-quiz-state") == "incorrect"
    quiz.get_by_role("button", name="Try again").click()
    box.fill(f"  {accepted[-1].upper()}  ")
    box.press("Enter")
    assert quiz.get_attribute("data-quiz-state") == "correct"


def test_empty_answer_is_not_checked(page):
    quiz = first_quiz(page)
    quiz.get_by_role("button", name="Check answer").click()
    assert quiz.get_attribute("data-quiz-state") is None
    assert "Choose or type an answer first." in quiz.get_by_role("status").inner_text()


def test_progress_survives_reload_and_instant_navigation(page):
    quiz = first_quiz(page)
    quiz_id = quiz.get_attribute("data-quiz")
    quiz.locator(".quiz__option[data-quiz-correct] label").click()
    quiz.get_by_role("button", name="Check answer").click()
    score = page.locator("[data-quiz-score-value]")
    total = page.locator("[data-quiz]").count()
    assert score.inner_text() == f"1 of {total} answered correctly"
    assert progress(page)[quiz_id]["state"] == "correct"

    page.reload()
    restored = page.locator(f"[data-quiz='{quiz_id}']")
    assert restored.get_attribute("data-quiz-state") == "correct"
    assert restored.locator(".quiz__option[data-quiz-correct] input").is_checked()

    page.evaluate("window.__stayed = true")
    nav_link(page, "Amazon ECS").click()
    page.wait_for_url("**/ecs/")
    nav_link(page, "Amazon ECR").click()
    page.wait_for_url("**/ecr/")
    page.wait_for_selector(f"[data-quiz='{quiz_id}'][data-quiz-state='correct']")
    assert page.evaluate("window.__stayed === true")
    assert page.locator("[data-quiz-score-value]").inner_text() == f"1 of {total} answered correctly"


def answer(quiz, right: bool = True) -> None:
    """Answer a quiz right (every correct option, or an accepted answer) or wrong."""
    quiz.scroll_into_view_if_needed()
    if quiz.get_attribute("data-quiz-kind") == "fill":
        answers = json.loads(quiz.locator("[data-quiz-answers]").get_attribute("data-quiz-answers"))
        quiz.get_by_label("Your answer").fill(answers[0] if right else "not this")
    elif right:
        for label in quiz.locator(".quiz__option[data-quiz-correct] label").all():
            label.click()
    else:
        quiz.locator(".quiz__option:not([data-quiz-correct]) label").first.click()
    quiz.get_by_role("button", name="Check answer").click()


def test_the_navigation_shows_each_page_s_progress_once_and_marks_a_finished_page(page):
    page.goto("choosing/")
    quizzes = page.locator("[data-quiz]").all()
    answer(quizzes[0])
    link = nav_link(page, "Choosing a service")
    mark = link.locator(".quiz-nav-progress")
    assert mark.inner_text() == f"1/{len(quizzes)}, 1 of {len(quizzes)} quizzes answered correctly"
    assert mark.locator("[aria-hidden=true]").inner_text() == f"1/{len(quizzes)}"
    # Said once per page entry: the page's headings in the navigation get nothing.
    assert page.locator(".md-sidebar--primary .quiz-nav-progress:visible").count() == 1
    for quiz in quizzes[1:]:
        answer(quiz)
    assert "quiz-nav-done" in link.get_attribute("class")
    assert mark.locator("[aria-hidden=true]").inner_text() == f"\u2714 {len(quizzes)}/{len(quizzes)}"

    page.goto("ecr/")  # other pages show it too
    page.wait_for_function(
        "[...document.querySelectorAll('.md-sidebar--primary .quiz-nav-done')]"
        ".some(a => a.textContent.includes('Choosing a service'))"
    )

    page.goto("choosing/")
    page.get_by_role("button", name="Reset answers").click()
    assert page.locator("[data-quiz][data-quiz-state]").count() == 0
    assert page.locator(".md-nav__link.quiz-nav-done").count() == 0
    assert progress(page) == {}
    page.get_by_role("button", name="Undo").click()  # a reset can be undone
    assert page.locator("[data-quiz][data-quiz-state='correct']").count() == len(quizzes)


def test_answers_on_a_page_count_on_the_self_check_page(page):
    quiz = first_quiz(page)
    quiz_id = quiz.get_attribute("data-quiz")
    quiz.locator(".quiz__option[data-quiz-correct] label").click()
    quiz.get_by_role("button", name="Check answer").click()
    page.goto("self-check/")
    assert page.locator(f"[data-quiz='{quiz_id}']").get_attribute("data-quiz-state") == "correct"
    total = page.locator("[data-quiz]").count()
    assert page.locator("[data-quiz-score-value]").inner_text() == f"1 of {total} answered correctly"


def test_quiz_pages_pass_axe_after_answering(page):
    for path in ("ecr/", "self-check/"):
        page.goto(path)
        for quiz in page.locator("[data-quiz-kind='single']").all()[:3]:
            quiz.locator(".quiz__option label").first.click()
            quiz.get_by_role("button", name="Check answer").click()
        assert axe_violations(page) == []


def test_without_javascript_the_answer_is_still_reachable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(site_url + "ecr/")
        quiz = tab.locator("[data-quiz]").first
        assert not quiz.get_by_role("button", name="Check answer").is_visible()
        quiz.locator(".quiz__solution summary").click()
        assert quiz.locator(".quiz__answer").is_visible()
        assert quiz.locator(".quiz__answer").inner_text().startswith("Correct answer")
    finally:
        context.close()


def test_the_page_is_marked_scripted_before_it_is_parsed_and_unmarked_if_the_theme_fails(browser, site_url):
    """Where scripts run, the page carries Material's `js` marks from its first line (set
    late, they made the browser restyle every element again); if Material's script does not
    load, `no-js` comes back, so the theme's fallbacks (the table of contents' height, no
    search button that cannot search) still apply."""
    with phone_tab(browser, site_url) as tab:
        tab.add_init_script(
            """new MutationObserver((records, observer) => {
                if (!document.body) return
                window.__atBody = document.documentElement.className
                observer.disconnect()
            }).observe(document, { childList: true, subtree: true })"""
        )
        tab.goto("ecr/")
        assert "js" in tab.evaluate("window.__atBody").split()
        assert "no-js" not in tab.evaluate("document.documentElement.className").split()
        links = tab.evaluate("[...document.head.querySelectorAll('link[href]')].map(l => l.getAttribute('href'))")
        assert links and all(href.startswith("http") for href in links), links

        tab.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        tab.reload()
        classes = tab.evaluate("document.documentElement.className").split()
        assert "no-js" in classes and "js" not in classes, classes
        assert tab.locator(".md-search").is_hidden()


def test_printing_opens_every_answer(page):
    page.goto("ecr/")
    page.pdf()
    closed = page.locator(".quiz__solution:not([open])").count()
    assert closed == 0

"""A learner who comes back, in real Chromium: progress by page and goal on Self-check, the
review of missed questions, resets that ask and can be undone, the all-correct message, the
page's questions from its top, offline use, the glossary, abbreviations on a tap, search,
the back button and the 404 page."""

from __future__ import annotations

import json
import re

import pytest
from test_browser import answer, axe_violations, nav_link, progress

pytestmark = pytest.mark.browser


def manifest(page) -> dict:
    """quizzes.json, from the site's root (two folders above the quiz script)."""
    return page.evaluate(
        "fetch(new URL('../../quizzes.json', document.querySelector('script[src*=\"quiz.js\"]').src)).then(r => r.json())"
    )


def test_answers_on_a_page_change_the_self_check_breakdown(page):
    page.goto("self-check/")
    data = manifest(page)
    ecr = next(p for p in data["pages"] if p["url"] == "ecr/")
    goal = ecr["quizzes"][0]["goal"]
    in_goal = sum(1 for p in data["pages"] for q in p["quizzes"] if q["goal"] == goal)
    row = page.locator("[data-quiz-page='ecr/']")
    assert row.locator("[data-quiz-page-score]").inner_text() == f"0 of {len(ecr['quizzes'])}"

    page.goto("ecr/")
    answer(page.locator(f"[data-quiz='{ecr['quizzes'][0]['id']}']"))
    page.goto("self-check/")
    assert row.locator("[data-quiz-page-score]").inner_text() == f"1 of {len(ecr['quizzes'])}"
    goal_row = page.locator(f"[data-quiz-goal-row='{goal}']")
    assert goal_row.locator("[data-quiz-goal-score]").inner_text() == f"1 of {in_goal}"
    assert row.get_by_role("link").get_attribute("href").endswith("/ecr/")


def test_review_shows_exactly_the_missed_questions_and_an_answer_there_counts_on_their_page(page):
    page.goto("ecs/")
    missed = page.locator("[data-quiz][data-quiz-kind='single']").nth(1)
    missed_id = missed.get_attribute("data-quiz")
    answer(missed, right=False)
    answer(page.locator("[data-quiz][data-quiz-kind='single']").nth(2), right=True)

    page.goto("self-check/")
    review = page.get_by_role("button", name=re.compile(r"^Review missed questions"))
    assert review.inner_text() == "Review missed questions (1)"
    review.click()
    assert review.get_attribute("aria-pressed") == "true"
    shown = page.locator("[data-quiz]:not(.quiz--hidden)")
    assert shown.count() == 1 and shown.first.get_attribute("data-quiz") == missed_id
    assert "/ecs/#" in shown.first.locator(".quiz__source a").get_attribute("href")  # back to its section
    assert axe_violations(page) == []

    shown.first.get_by_role("button", name="Try again").click()
    answer(shown.first, right=True)
    assert shown.count() == 1  # it stays until the review ends
    page.goto("ecs/")
    assert page.locator(f"[data-quiz='{missed_id}']").get_attribute("data-quiz-state") == "correct"


def test_reset_everything_asks_first_and_can_be_undone(page):
    page.goto("choosing/")
    for quiz in page.locator("[data-quiz]").all():
        answer(quiz)
    before = progress(page)
    page.goto("self-check/")
    page.get_by_role("button", name="Reset every answer").click()
    assert progress(page) == before  # nothing is cleared yet
    page.get_by_role("button", name="Keep them").click()
    assert progress(page) == before
    page.get_by_role("button", name="Reset every answer").click()
    page.get_by_role("button", name="Yes, clear them all").click()
    assert progress(page) == {}
    page.get_by_role("button", name="Undo").click()
    assert progress(page) == before


def test_one_page_can_be_reset_from_self_check(page):
    page.goto("choosing/")
    for quiz in page.locator("[data-quiz]").all():
        answer(quiz)
    page.goto("ecr/")
    answer(page.locator("[data-quiz]").first)
    page.goto("self-check/")
    page.get_by_role("button", name="Reset answers on Choosing a service").click()
    kept = progress(page)
    assert len(kept) == 1 and page.locator("[data-quiz-page='ecr/'] [data-quiz-page-score]").inner_text().startswith(
        "1 of"
    )


def test_the_learner_is_told_once_when_every_quiz_is_right(page):
    page.goto("self-check/")
    ids = [quiz.get_attribute("data-quiz") for quiz in page.locator("[data-quiz]").all()]
    last = ids.pop()
    store = page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('quiz-'))")
    key = "quiz-progress:" + page.evaluate("new URL('.', document.baseURI).pathname.replace(/self-check\\/$/, '')")
    page.evaluate(
        "([key, ids]) => localStorage.setItem(key, JSON.stringify(Object.fromEntries(ids.map(id => [id, {state: 'correct', answer: []}]))))",
        [key, ids],
    )
    assert store == []
    page.reload()
    quiz = page.locator(f"[data-quiz='{last}']")
    answer(quiz)
    done = "That was the last one: you have answered every quiz of the module correctly."
    assert done in quiz.get_by_role("status").inner_text()
    assert page.locator("[data-quiz-done]").inner_text() == "You have answered every quiz of the module correctly."
    quiz.get_by_role("button", name="Try again").click()
    answer(quiz)
    assert done not in quiz.get_by_role("status").inner_text()  # once


def test_every_quiz_is_numbered_and_findable_from_the_top_with_the_reading_time(page):
    page.goto("fargate/")
    quizzes = page.locator("[data-quiz]")
    total = quizzes.count()
    assert quizzes.nth(1).locator("legend .quiz__number").inner_text() == f"Question 2 of {total}"
    assert re.fullmatch(r"About \d+ minutes? to read", page.locator(".page-reading-time").inner_text())
    listing = page.locator(".quiz-score__list")
    listing.locator("summary").click()
    entries = listing.get_by_role("link")
    assert entries.count() == total
    entries.nth(1).click()
    assert page.url.endswith("#" + quizzes.nth(1).get_attribute("id"))


def test_after_a_first_visit_the_module_works_offline(browser, site_url):
    context = browser.new_context(base_url=site_url)
    try:
        tab = context.new_page()
        tab.goto("ecr/")
        # The worker precaches the site after the page has loaded; its last step is the revisions.
        tab.wait_for_function(
            """async () => {
              await navigator.serviceWorker.ready
              for (const name of await caches.keys())
                if (name.startsWith("site-") && (await (await caches.open(name)).match(new URL("../__revisions__", location.href))))
                  return true
              return false
            }""",
            timeout=90_000,
            polling=500,
        )
        context.set_offline(True)
        tab.goto("fargate/")  # a page never visited before
        assert tab.title().startswith("AWS Fargate")
        quiz = tab.locator("[data-quiz][data-quiz-kind='single']").first
        answer(quiz)
        assert quiz.get_attribute("data-quiz-state") == "correct"
        answered = quiz.get_attribute("data-quiz")
        tab.goto("eks/")  # and another, by instant navigation
        nav_link(tab, "AWS Fargate").click()
        tab.wait_for_url("**/fargate/")
        assert tab.locator(f"[data-quiz='{answered}']").get_attribute("data-quiz-state") == "correct"
        box = tab.locator("input[data-md-component='search-query']")
        box.click()
        box.press_sequentially("Spot", delay=30)  # search, offline
        tab.wait_for_selector(".md-search-result__item")
        assert progress(tab)  # the answer given offline is kept
    finally:
        context.close()


def test_a_tapped_abbreviation_shows_its_expansion_on_a_phone(browser, site_url):
    context = browser.new_context(
        base_url=site_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        tab = context.new_page()
        tab.goto("ecs/")
        abbr = tab.locator("article > p abbr", has_text=re.compile(r"^ECS$")).first
        expansion = abbr.get_attribute("title")
        abbr.tap()
        tip = tab.locator(".md-tooltip2--active")
        tip.wait_for()
        assert tip.inner_text() == expansion == "Amazon Elastic Container Service"
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert 0 < box["y"] < 844  # in view, below the word
        tab.locator("article > p").nth(2).tap()
        tab.wait_for_timeout(500)
        assert tab.locator(".md-tooltip2--active").count() == 0
    finally:
        context.close()


def test_an_abbreviation_tooltip_stays_while_pointed_at_and_goes_on_escape(page):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto("ecr/")

    def point_at(element, steps=1):
        element.scroll_into_view_if_needed()
        box = element.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=steps)

    first = page.locator("article p abbr[title]").nth(2).element_handle()  # kept as its title goes
    expansion = first.get_attribute("title")
    second = page.locator(f"article p abbr[title]:not([title='{expansion}'])").last.element_handle()
    other = second.get_attribute("title")
    tip = page.locator(".md-tooltip2--active")
    point_at(first)
    tip.wait_for()
    assert tip.inner_text() == expansion
    assert tip.get_attribute("aria-hidden") == "true"  # screen readers read the title itself
    assert first.get_attribute("title") is None  # no second, native tooltip while it shows
    # Across the gap and onto the tooltip: it stays (WCAG 1.4.13, hoverable).
    point_at(tip.locator(".md-tooltip2__inner"), steps=8)
    page.wait_for_timeout(400)
    assert tip.inner_text() == expansion
    page.mouse.move(0, 450)  # away: it goes
    page.wait_for_timeout(400)
    assert page.locator(".md-tooltip2").count() == 0 and first.get_attribute("title") == expansion
    point_at(first)
    tip.wait_for()
    point_at(second)  # one tooltip at a time
    page.wait_for_timeout(100)
    assert page.locator(".md-tooltip2").count() == 1 and tip.inner_text() == other
    assert first.get_attribute("title") == expansion
    page.keyboard.press("Escape")  # dismissible (WCAG 1.4.13)
    assert page.locator(".md-tooltip2").count() == 0 and second.get_attribute("title") == other


def test_an_abbreviation_tooltip_does_not_outlive_its_page(page):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto("ecr/")
    nav_link(page, "Amazon ECS").click()  # instant navigation: the body stays, the content changes
    page.wait_for_url("**/ecs/")
    page.locator("article p abbr[title]").first.hover()
    page.locator(".md-tooltip2--active").wait_for()
    page.go_back()  # no click and no pointer move: only the page changes under the tooltip
    page.wait_for_url("**/ecr/")
    page.locator("article h1", has_text="Amazon ECR").wait_for()
    page.wait_for_timeout(300)
    assert page.locator(".md-tooltip2").count() == 0


def test_the_glossary_page_lists_every_term_with_its_meaning(page):
    page.goto("glossary/")
    terms = page.locator("dl.glossary > dt")
    assert terms.count() >= 50
    ecr = page.locator("#term-ecr + dd")
    assert ecr.locator(".glossary__expansion").inner_text() == "Amazon Elastic Container Registry"
    assert len(ecr.locator("p").nth(1).inner_text()) > 30
    assert nav_link(page, "Glossary").is_visible()


def test_searching_a_service_finds_its_page_first(page):
    for query, title in (
        ("Fargate", "AWS Fargate"),
        ("ECR", "Amazon ECR"),
        ("ECS", "Amazon ECS"),
        ("EKS", "Amazon EKS"),
    ):
        page.goto("")
        box = page.locator("input[data-md-component='search-query']")
        box.click()
        box.press_sequentially(query, delay=30)  # as a learner types: Material searches on each key
        first = page.locator(".md-search-result__item").first
        first.wait_for()
        page.wait_for_timeout(500)
        assert first.locator("h1, h2").first.inner_text().strip() == title, query


def test_back_restores_the_address_the_learner_left(page):
    page.goto("ecr/")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(400)
    before = page.url
    page.locator("article a[href*='/ecs/']").first.click()
    page.wait_for_url("**/ecs/**")
    page.go_back()
    page.wait_for_url("**/ecr/**")
    page.wait_for_timeout(600)
    assert page.url == before


def test_the_404_page_offers_a_way_home_and_search(page):
    page.goto("no-such-page/")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.get_by_role("link", name=re.compile("Start from the home page")).is_visible()
    page.locator("article label[for='__search']").click()
    assert page.locator("input[data-md-component='search-query']").is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_new_views_pass_axe(page, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto("ecs/")
    answer(page.locator("[data-quiz]").first, right=False)
    page.locator(".quiz-score__list summary").click()
    page.get_by_role("button", name="Reset answers").click()  # the undo line
    assert axe_violations(page) == []
    page.goto("self-check/")
    page.get_by_role("button", name=re.compile("^Review missed")).click()
    page.get_by_role("button", name="Reset every answer").click()  # the question
    assert axe_violations(page) == []
    page.goto("glossary/")
    assert axe_violations(page) == []


def test_manifest_lists_every_page_with_quizzes_and_the_goals_of_home(page):
    page.goto("")
    data = manifest(page)
    assert {goal["id"] for goal in data["goals"]} >= {f"G{n}" for n in range(1, 14)}
    goals = {goal["id"] for goal in data["goals"]}
    assert all(quiz["goal"] in goals for page_ in data["pages"] for quiz in page_["quizzes"])
    assert json.dumps(data)  # plain data

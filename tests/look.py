"""What a person sees, measured in Chromium: words split across lines, elements wider than
their column, diagrams cut or too small to read, focus rings and contrast in the hover and
focus states. The tests in test_look.py use these; run this file to print the figures:

    .venv/bin/python tests/look.py [--site DIR] [--pages ecr fargate] [--details]

(builds the site unless --site is given, then prints every finding per page, size and state).

Each measure is one `page.evaluate` that returns plain findings (lists of dicts), so that a
page costs one round trip per size and state.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from screenshots import (
    CHROMIUM_ARGS,
    PHONE,
    SIZES,
    answer_quizzes,
    chromium_executable,
    local_only,
    nav_pages,
    open_page,
    page_path,
    serve,
)

__all__ = [
    "CHROMIUM_ARGS",
    "DIAGRAM_MIN_LABEL",
    "PHONE",
    "SIZES",
    "answer_quizzes",
    "layout_findings",
    "local_only",
    "nav_pages",
    "open_page",
    "page_path",
    "quiz_look",
    "serve",
    "tab_through_first_quiz",
    "visit",
]

# The smallest rendered height of a diagram's text, in CSS pixels, per size.
DIAGRAM_MIN_LABEL = {"phone": 10, "desktop": 12}

# Colour arithmetic shared by the measures that run in the page: parse a computed colour,
# blend it over what lies behind it, and the WCAG contrast ratio.
COLOR_JS = r"""
const parse = text => {
  const m = text.match(/rgba?\(([^)]+)\)/)
  if (m) {
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number)
    return [r, g, b, a]
  }
  const srgb = text.match(/color\(srgb ([^)]+)\)/)
  if (srgb) {
    const [r, g, b, a = 1] = srgb[1].split(/[ /]+/).filter(Boolean).map(Number)
    return [r * 255, g * 255, b * 255, a]
  }
  return [0, 0, 0, 0]
}
const over = (top, bottom) => {
  const a = top[3] + bottom[3] * (1 - top[3])
  if (a === 0) return [0, 0, 0, 0]
  const mix = i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a
  return [mix(0), mix(1), mix(2), a]
}
/* The colour behind an element: its own background and its ancestors', blended. */
const backgroundOf = element => {
  const layers = []
  for (let e = element; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor)
    if (c[3] > 0) layers.push(c)
    if (c[3] >= 1) break
  }
  let color = [255, 255, 255, 1]
  if (!layers.length || layers[layers.length - 1][3] < 1) {
    color = parse(getComputedStyle(document.body).backgroundColor)
    if (color[3] < 1) color = over(color, [255, 255, 255, 1])
  }
  for (const layer of layers.reverse()) color = over(layer, color)
  return color
}
const luminance = c => {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100
}
const hex = c => "#" + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, "0")).join("")
const describe = e => {
  const text = (e.textContent || e.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40)
  const names = typeof e.className === "string" ? e.className.split(/\s+/).filter(c => c && c !== "focus-visible") : []
  const cls = names.length ? "." + names.join(".") : ""
  const type = e.type && e.tagName === "INPUT" ? `[type=${e.type}]` : ""
  const quiz = e.closest("[data-quiz]")
  const where = quiz ? ` in quiz "${quiz.querySelector("legend")?.textContent.trim().slice(0, 50)}"` : ""
  return `${e.tagName.toLowerCase()}${cls}${type}${text ? ` "${text}"` : ""}${where}`
}
"""

# Layout of the page as it is now: split words, elements wider than the column, diagrams.
LAYOUT_JS = (
    r"""
(minLabel) => {
"""
    + COLOR_JS
    + r"""
  const content = document.querySelector(".md-content")
  const inner = document.querySelector(".md-content__inner")
  const out = {split: [], wide: [], diagrams: [], quiz: [], scrollWidth: 0, width: 0, quizzes: 0, height: 0}
  if (!content || !inner) return out
  out.quizzes = document.querySelectorAll("[data-quiz]").length
  out.height = document.documentElement.scrollHeight
  out.scrollWidth = document.documentElement.scrollWidth
  out.width = document.documentElement.clientWidth
  const column = inner.getBoundingClientRect()
  const seen = (e, options = {visibilityProperty: true}) => e.checkVisibility(options)

  const letter = /[\p{L}\p{N}]/u
  const closing = /[.,;:!?)\]]/ // punctuation that must stay on the line of what it closes
  const sameLine = (a, b) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5 * Math.min(a.height, b.height)
  const rectsOf = range => [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0)
  const range = document.createRange()
  const context = (text, start, end) =>
    (text.slice(Math.max(0, start - 30), start) + "[" + text.slice(start, end) + "]" + text.slice(end, end + 30))
      .replace(/\s+/g, " ")
  const block = node => {
    for (let e = node.parentElement; e; e = e.parentElement) {
      const d = getComputedStyle(e).display
      if (!d.startsWith("inline") && d !== "contents") return e
    }
    return null
  }
  const headings = [...content.querySelectorAll("h1, h2, h3")]
  /* Where something is: its element, its box, the section heading above it, the tab it is in. */
  const where = (e, state) => {
    const box = e.closest("td, th, li, p, .quiz__option, legend, .admonition, details, figure") || e
    let heading = null
    for (const h of headings) {
      if (h.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h
      else break
    }
    const section = heading ? ` under "${heading.textContent.replace(/\s*¶$/, "").trim().slice(0, 40)}"` : ""
    const boxName = box.tagName.toLowerCase() + (box.className ? "." + String(box.className).split(" ")[0] : "")
    return `${e.tagName.toLowerCase()} in ${boxName}${section}${state}`
  }

  /* Words split across lines, in the text of `scope` that shows now. */
  const splitWords = (scope, state) => {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
      acceptNode: node =>
        node.parentElement.closest("pre, .tabbed-labels, script, style, svg")
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT
    })
    let previous = null // the last visible text node, for words that run across elements
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node)
      const whole = rectsOf(range)
      // Text a person cannot see (a closed details, an unselected tab, visibility: hidden) is
      // laid out on demand for getClientRects, in boxes that never show: skip it.
      if (!whole.length || !seen(node.parentElement)) continue
      const text = node.data
      const last = previous?.data.at(-1) ?? " "
      const joined = previous && block(previous) === block(node) &&
        ((letter.test(last) && letter.test(text[0])) || (/\S/.test(last) && closing.test(text[0])))
      if (joined) {
        // Adjacent in the text flow: nothing between them, not even a space or a line break.
        range.setStart(previous, previous.data.length)
        range.setEnd(node, 0)
        const between = range.cloneContents()
        if (between.textContent === "" && !between.querySelector("br, img, input, svg")) {
          range.setStart(previous, previous.data.length - 1)
          range.setEnd(previous, previous.data.length)
          const a = rectsOf(range).at(-1)
          range.setStart(node, 0)
          range.setEnd(node, 1)
          const b = rectsOf(range)[0]
          if (a && b && !sameLine(a, b)) {
            const word = (previous.data.match(/[\p{L}\p{N}]+$/u) || [""])[0] + "|" + (text.match(/^(?:[\p{L}\p{N}]+|[.,;:!?)\]])/u) || [""])[0]
            out.split.push({
              word,
              context: context(previous.data + text, previous.data.length - 1, previous.data.length + 1),
              where: where(node.parentElement, state)
            })
          }
        }
      }
      previous = node
      if (whole.every(r => sameLine(r, whole[0]))) continue // the whole node is on one line
      // A closing mark pushed alone to the next line (".", ")" after a long unbreakable word).
      for (const m of text.matchAll(/(?<=\S)[.,;:!?)\]]/gu)) {
        range.setStart(node, m.index - 1)
        range.setEnd(node, m.index)
        const a = rectsOf(range)[0]
        range.setStart(node, m.index)
        range.setEnd(node, m.index + 1)
        const b = rectsOf(range)[0]
        if (a && b && !sameLine(a, b))
          out.split.push({word: text[m.index - 1] + "|" + m[0], context: context(text, m.index - 1, m.index + 1), where: where(node.parentElement, state)})
      }
      for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (m[0].length < 2) continue
        range.setStart(node, m.index)
        range.setEnd(node, m.index + m[0].length)
        const rects = rectsOf(range)
        if (rects.length > 1 && !rects.every(r => sameLine(r, rects[0])))
          out.split.push({
            word: m[0],
            context: context(text, m.index, m.index + m[0].length),
            where: where(node.parentElement, state)
          })
      }
    }
  }

  /* Elements of `scope` that pass the right edge of the column. Code blocks scroll on their
     own; Material's tab label bar (and its scroll arrows) runs to the screen's edge on purpose;
     what is inside a diagram's canvas is measured with the diagrams. */
  const skipWide = "pre, .highlight, .tabbed-labels, .tabbed-control"
  const wideElements = (scope, state) => {
    const wide = new Map()
    for (const e of [scope, ...scope.querySelectorAll("*")]) {
      if (e.closest(skipWide) || e.parentElement.closest(".diagram__canvas")) continue
      const r = e.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || r.right <= column.right + 1) continue
      if (!seen(e)) continue
      const outer = [...wide.keys()].find(w => w.contains(e))
      if (outer) {
        wide.get(outer).inside++
        continue
      }
      const wrap = e.closest(".md-typeset__scrollwrap")
      wide.set(e, {
        element: describe(e).slice(0, 90),
        where: where(e, state),
        over: Math.round(r.right - column.right),
        column: Math.round(column.width),
        scrolls: !!wrap && wrap.scrollWidth > wrap.clientWidth + 1,
        inside: 0
      })
    }
    out.wide.push(...wide.values())
  }

  /* The page as it shows, then what a reader can reveal: every other tab of a tab set and
     every closed details (admonitions "???" and quiz explanations), restored afterwards. */
  splitWords(content, "")
  wideElements(inner, "")
  for (const set of inner.querySelectorAll(".tabbed-set")) {
    if (!seen(set)) continue
    const inputs = [...set.children].filter(e => e.matches("input[type=radio]"))
    const blocks = [...(set.querySelector(":scope > .tabbed-content")?.children || [])]
    const labels = [...(set.querySelector(":scope > .tabbed-labels")?.children || [])]
    const checked = inputs.find(input => input.checked)
    inputs.forEach((input, i) => {
      if (input === checked || !blocks[i]) return
      input.checked = true
      const state = ` (tab "${(labels[i]?.textContent || i + 1).toString().trim()}")`
      splitWords(blocks[i], state)
      wideElements(blocks[i], state)
    })
    if (checked) checked.checked = true
  }
  const closed = [...inner.querySelectorAll("details:not([open])")].filter(d => seen(d))
  for (const d of closed) d.open = true
  for (const d of closed) {
    const state = ` (opened "${d.querySelector("summary")?.textContent.trim().slice(0, 40)}")`
    for (const child of d.children) {
      if (child.tagName === "SUMMARY") continue
      splitWords(child, state)
      wideElements(child, state)
    }
  }

  /* Quizzes: "Answer and explanation" well below "Check answer" (16 px at least), a smaller
     control than the text, and the explanation at the size of the page's text. */
  const body = parseFloat(getComputedStyle(inner.querySelector(":scope > p:not([class])") || inner).fontSize)
  for (const quiz of inner.querySelectorAll("[data-quiz]")) {
    if (!seen(quiz)) continue
    const question = quiz.querySelector("legend")?.textContent.trim().slice(0, 60)
    const summary = quiz.querySelector(".quiz__solution > summary")
    const buttons = [...quiz.querySelectorAll(".quiz__controls button")].filter(b => seen(b))
    if (!summary || !buttons.length) continue
    const above = Math.max(...buttons.map(b => b.getBoundingClientRect().bottom))
    const gap = summary.getBoundingClientRect().top - above
    if (gap < 16) out.quiz.push({question, what: `"Answer and explanation" is ${Math.round(gap)}px below the quiz's buttons (at least 16px)`})
    const summarySize = parseFloat(getComputedStyle(summary).fontSize)
    if (summarySize >= body) out.quiz.push({question, what: `"Answer and explanation" is ${summarySize}px, not smaller than the ${body}px text`})
    for (const p of quiz.querySelectorAll(".quiz__solution > :not(summary)")) {
      const size = parseFloat(getComputedStyle(p).fontSize)
      if (seen(p) && size < body - 0.5) {
        out.quiz.push({question, what: `the explanation is ${size}px, smaller than the page's ${body}px text`})
        break
      }
    }
  }
  for (const d of closed) d.open = false

  /* Diagrams: the whole drawing in its canvas, and every label large enough to read. */
  for (const [i, svg] of [...content.querySelectorAll(".diagram svg")].entries()) {
    const canvas = svg.closest(".diagram__canvas") || svg.parentElement
    const box = svg.getBoundingClientRect()
    const frame = canvas.getBoundingClientRect()
    const title = svg.querySelector("title")?.textContent.trim() || `diagram ${i + 1}`
    const cut = canvas.scrollWidth > canvas.clientWidth + 1 || box.right > frame.right + 1 || box.left < frame.left - 1
    let smallest = Infinity
    let smallestText = ""
    for (const label of svg.querySelectorAll("text, foreignObject")) {
      if (label.closest("text") !== label && label.tagName === "text") continue
      const words = label.textContent.trim()
      if (!words) continue
      let size
      if (label.tagName === "foreignObject") {
        const html = label.querySelector("*") || label
        size = parseFloat(getComputedStyle(html).fontSize) * (label.getScreenCTM()?.a || 1)
      } else {
        size = parseFloat(getComputedStyle(label).fontSize) * (label.getScreenCTM()?.a || 1)
      }
      if (size < smallest) {
        smallest = size
        smallestText = words.slice(0, 30)
      }
    }
    out.diagrams.push({
      title: title.slice(0, 60),
      width: Math.round(box.width),
      canvas: Math.round(frame.width),
      cut,
      label: Math.round(smallest * 10) / 10,
      labelText: smallestText,
      small: smallest < minLabel
    })
  }
  return out
}
"""
)

# The quiz controls a keyboard user can reach, and the buttons whose text is measured.
QUIZ_CONTROLS = "[data-quiz] :is(input, button, summary), [data-quiz-score] button"
QUIZ_BUTTONS = "[data-quiz] button, [data-quiz-score] button"

# Measuring a state must not catch a colour halfway through Material's 125-250 ms transitions.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Focus rings and text contrast of the quiz controls, in one call: every control that shows
# and is enabled gets focus in turn (the page is in keyboard modality, so :focus-visible
# applies as after Tab), and its ring is measured: outline (or a box-shadow ring) width,
# colour, and contrast with what lies behind it. For buttons, the text against the button's
# effective background at rest and focused. `state` names the forced pseudo-state ("hover")
# the buttons are in when only their text is measured.
QUIZ_LOOK_JS = (
    r"""
([mode, sample, controls, buttons]) => {
"""
    + COLOR_JS
    + r"""
  const visible = e => e.checkVisibility({visibilityProperty: true}) && !e.disabled
  const text = e => {
    const behind = backgroundOf(e)
    const color = over(parse(getComputedStyle(e).color), behind)
    return {element: describe(e), text: hex(color), background: hex(behind), contrast: contrast(color, behind)}
  }
  if (mode === "text") {
    const all = [...document.querySelectorAll(buttons)]
    return sample.map(i => text(all[i]))
  }

  const ring = e => {
    const style = getComputedStyle(e)
    const result = {element: describe(e), visible: e.matches(":focus-visible"), width: 0, color: "", contrast: 0, kind: "none"}
    const offset = parseFloat(style.outlineOffset) || 0
    const behind = backgroundOf(offset < 0 ? e : e.parentElement || e)
    const width = parseFloat(style.outlineWidth) || 0
    if (style.outlineStyle !== "none" && width > 0) {
      const color = over(parse(style.outlineColor), behind)
      Object.assign(result, {width, color: hex(color), contrast: contrast(color, behind), kind: "outline"})
    }
    if (style.boxShadow !== "none") {
      // Computed shadows read "rgb(r, g, b) 0px 0px 0px 3px": a ring is the spread of a shadow
      // without offset; the widest one counts if it is wider than the outline.
      for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
        const colour = shadow.match(/(rgba?\([^)]+\)|color\([^)]+\))/)
        const [x = 0, y = 0, , spread = 0] = shadow.replace(colour?.[0] ?? "", "").trim().split(/\s+/).map(parseFloat)
        if (colour && !shadow.includes("inset") && x === 0 && y === 0 && spread > result.width) {
          const color = over(parse(colour[1]), backgroundOf(e.parentElement || e))
          Object.assign(result, {width: spread, color: hex(color), contrast: contrast(color, behind), kind: "box-shadow"})
        }
      }
    }
    result.background = hex(behind)
    return result
  }
  const rings = []
  const texts = []
  for (const e of document.querySelectorAll(controls)) {
    if (!visible(e)) continue
    const button = e.matches(buttons)
    if (button) texts.push({...text(e), state: "rest"})
    e.focus({preventScroll: true})
    if (document.activeElement !== e) {
      rings.push({element: describe(e), visible: false, width: 0, color: "", contrast: 0, kind: "cannot take focus"})
      continue
    }
    rings.push(ring(e))
    if (button) texts.push({...text(e), state: "focus"})
    e.blur()
  }
  return {rings, texts}
}
"""
)


def visit(browser, size, scheme: str, base_url: str, sources: list[str]):
    """Yield (source, tab, cdp) for each page, loaded in `scheme` and set up by its scripts.

    Two browser contexts take turns: while one page is measured, the next one loads in the
    other context (its own storage, so answers given on one page never show on the next).
    Each page's stored answers are cleared once the caller is done with it."""
    from screenshots import READY_JS

    contexts = [browser.new_context(**size.context_options()) for _ in range(2)]
    tabs, sessions, blocked = [], [], []
    for context in contexts:
        blocked.append(local_only(context))
        tab = context.new_page()
        tab.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
        tabs.append(tab)
        sessions.append(context.new_cdp_session(tab))

    def start(i: int) -> None:
        tabs[i % 2].goto(base_url + page_path(sources[i]), wait_until="commit")

    try:
        if sources:
            start(0)
        for i, source in enumerate(sources):
            if i + 1 < len(sources):
                start(i + 1)
            tab = tabs[i % 2]
            tab.wait_for_load_state("load")
            tab.wait_for_function(READY_JS)
            yield source, tab, sessions[i % 2]
            tab.evaluate("localStorage.clear()")
    finally:
        for context in contexts:
            context.close()
    outside = [url for urls in blocked for url in urls]
    assert not outside, f"requests off 127.0.0.1: {outside[:5]}"


def layout_findings(page, size: str) -> dict:
    """Split words, elements wider than the column, diagrams and quiz spacing of the page."""
    return page.evaluate(LAYOUT_JS, DIAGRAM_MIN_LABEL[size])


def keyboard_modality(page) -> None:
    """Press Tab once, so that focus moved by script shows as keyboard focus (:focus-visible)."""
    page.evaluate(
        """() => {
        const start = document.querySelector('.md-content__inner') || document.body
        start.setAttribute('tabindex', '-1'); start.focus({preventScroll: true}); start.removeAttribute('tabindex')
    }"""
    )
    page.keyboard.press("Tab")


def tab_through_first_quiz(page) -> list[str]:
    """Reach the first quiz with the keyboard: the controls Tab stops at, in order.

    Tab starts from the quiz's own box, so what it reaches first are the quiz's controls."""
    page.evaluate(
        """() => {
        const quiz = [...document.querySelectorAll('[data-quiz]')].find(q => q.checkVisibility())
        if (!quiz) return
        quiz.setAttribute('tabindex', '-1'); quiz.focus({preventScroll: true}); quiz.removeAttribute('tabindex')
    }"""
    )
    reached: list[str] = []
    for _ in range(12):
        page.keyboard.press("Tab")
        name = page.evaluate(
            f"""() => {{
            const e = document.activeElement
            if (!e || !e.closest('[data-quiz]')) return null
            return e.matches({QUIZ_CONTROLS!r}) && e.matches(':focus-visible') ? e.tagName.toLowerCase() : '!' + e.tagName
        }}"""
        )
        if name is None:
            break
        reached.append(name)
    return reached


# The buttons that stand for all others when hovered: the first visible one of each kind (its
# classes, its label, and whether it sits in an admonition, a details or a tab).
HOVER_SAMPLE_JS = """(buttons) => {
  const kinds = new Set()
  return [...document.querySelectorAll(buttons)].flatMap((e, i) => {
    if (!e.checkVisibility({visibilityProperty: true}) || e.disabled) return []
    const kind = [e.className, e.textContent.trim(), !!e.closest(".admonition, details, .tabbed-set")].join("|")
    if (kinds.has(kind)) return []
    kinds.add(kind)
    return [i]
  })
}"""


def quiz_look(page, cdp=None) -> dict:
    """Focus rings of every quiz control, and the text of quiz buttons at rest, focused and hovered.

    cdp: a DevTools session of the page to reuse (one is opened otherwise).
    Returns {"rings": [...], "texts": [...]}; each text finding has its "state"."""
    page.add_style_tag(content=NO_TRANSITIONS)
    keyboard_modality(page)
    found = page.evaluate(QUIZ_LOOK_JS, ["focus", [], QUIZ_CONTROLS, QUIZ_BUTTONS])
    # Hover: force :hover through the DevTools protocol on one button of each kind (a mouse is
    # on one element at a time, and buttons of a kind share their hover style).
    sample = page.evaluate(HOVER_SAMPLE_JS, QUIZ_BUTTONS)
    if not sample:
        return found
    session = cdp or page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": QUIZ_BUTTONS})["nodeIds"]
        sample = [i for i in sample if i < len(nodes)]
        for i in sample:
            session.send("CSS.forcePseudoState", {"nodeId": nodes[i], "forcedPseudoClasses": ["hover"]})
        found["texts"] += [
            {**t, "state": "hover"} for t in page.evaluate(QUIZ_LOOK_JS, ["text", sample, QUIZ_CONTROLS, QUIZ_BUTTONS])
        ]
        for i in sample:
            session.send("CSS.forcePseudoState", {"nodeId": nodes[i], "forcedPseudoClasses": []})
    finally:
        if cdp is None:
            session.detach()
    return found


# Printing the figures -------------------------------------------------------------------


def _figures(url: str, pages: list[tuple[str, str]], details: bool) -> None:
    """Print, per page, size and state: split words, elements wider than the column, quiz
    spacing, diagrams cut or with small labels (light scheme), and focus rings and button
    text under 3:1 / 4.5:1 (light and dark)."""
    from playwright.sync_api import sync_playwright

    sources = [source for _, source in pages]
    columns = ("split", "wide", "quiz", "cut", "small", "ring", "text")
    totals = dict.fromkeys(columns, 0)
    table: dict[tuple[str, str, str], dict[str, int]] = {}
    notes: list[str] = []

    def add(key: tuple[str, str, str], name: str, count: int) -> None:
        table.setdefault(key, dict.fromkeys(columns, 0))[name] += count
        totals[name] += count

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        for size in SIZES:
            for scheme in ("light", "dark"):
                for source, tab, cdp in visit(browser, size, scheme, url, sources):
                    for state in ("before", "after"):
                        if state == "after" and not answer_quizzes(tab):
                            break
                        key = (page_path(source) or "/", size.name, state)
                        place = f"{key[0]} {size.name} {scheme} {state}"
                        if tab.evaluate("document.querySelector('[data-quiz]') !== null"):
                            look = quiz_look(tab, cdp)
                            rings = [
                                r for r in look["rings"] if not r["visible"] or r["width"] < 2 or r["contrast"] < 3
                            ]
                            texts = [t for t in look["texts"] if t["contrast"] < 4.5]
                            add(key, "ring", len(rings))
                            add(key, "text", len(texts))
                            notes += [
                                f"{place}  ring: {r['element']} {r['width']}px {r['kind']} {r['contrast']}:1"
                                for r in rings
                            ]
                            notes += [
                                f"{place}  text: {t['element']} {t['state']} {t['text']} on {t['background']}"
                                f" {t['contrast']}:1"
                                for t in texts
                            ]
                        if scheme == "dark":
                            continue
                        found = layout_findings(tab, size.name)
                        cut = [d for d in found["diagrams"] if d["cut"]]
                        small = [d for d in found["diagrams"] if d["small"]]
                        add(key, "split", len(found["split"]))
                        add(key, "wide", len(found["wide"]) + (found["scrollWidth"] > found["width"]))
                        add(key, "quiz", len(found["quiz"]))
                        add(key, "cut", len(cut))
                        add(key, "small", len(small))
                        notes += [
                            f"{place}  split: {w['word']!r} in …{w['context']}… ({w['where']})" for w in found["split"]
                        ]
                        notes += [
                            f"{place}  wide: {w['element']} passes the {w['column']}px column by {w['over']}px"
                            f" ({w['where']}){' (its table scrolls)' if w['scrolls'] else ''}"
                            for w in found["wide"]
                        ]
                        notes += [f"{place}  quiz: {q['what']} (quiz {q['question']!r})" for q in found["quiz"]]
                        notes += [
                            f"{place}  diagram: {d['title']!r} {d['width']}px in a {d['canvas']}px canvas,"
                            f" smallest label {d['label']}px ({d['labelText']!r})"
                            for d in found["diagrams"]
                            if d["cut"] or d["small"]
                        ]
        browser.close()
    print(f"{'page':22} {'size':8} {'state':7} " + " ".join(f"{c:>5}" for c in columns))
    for (page, size_name, state), counts in table.items():
        print(f"{page:22} {size_name:8} {state:7} " + " ".join(f"{counts[c]:5}" for c in columns))
    print(f"{'total':38} " + " ".join(f"{totals[c]:5}" for c in columns))
    print(
        "split: words split across lines; wide: elements past the column's right edge (and the page"
        " scrolling sideways); quiz: 'Answer and explanation' spacing and sizes; cut/small: diagrams"
        " that scroll / with labels under 10px (phone) or 12px (desktop); ring: quiz controls without"
        " a 2px 3:1 focus ring; text: quiz buttons under 4.5:1 at rest, hovered or focused (ring and"
        " text in the light and dark schemes together)."
    )
    if details:
        print("\n".join(notes))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Print the layout findings of every page of the navigation.")
    parser.add_argument("--site", type=Path, help="an already built site (default: build it)")
    parser.add_argument("--pages", nargs="+", metavar="PAGE", help="only these pages (ecr, ecr.md or ecr/)")
    parser.add_argument("--details", action="store_true", help="also print every finding")
    args = parser.parse_args(argv)
    pages = nav_pages()
    if args.pages:
        wanted = {p.strip("/").removesuffix(".md") for p in args.pages}
        pages = [(t, s) for t, s in pages if s.removesuffix(".md") in wanted]
    with serve(args.site) as (url, _):
        _figures(url, pages, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())

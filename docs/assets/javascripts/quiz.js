/*
 * Self-check quizzes: check answers and keep progress in this browser; show each page's
 * score, progress in the navigation, and on the Self-check page the breakdown by page and
 * goal and the review of missed questions. The quizzes are HTML built at build time
 * (sitekit/quizzes); this script reveals and toggles what is there and writes text with
 * textContent, never HTML.
 */
(() => {
  "use strict"

  const root = new URL("../../", document.currentScript.src) // the site's root folder
  const storeKey = `quiz-progress:${root.pathname}` // GitHub Pages sites share an origin
  const doneKey = `quiz-done:${root.pathname}`
  let manifest = null // quizzes.json: pages, their quizzes and goals
  let undo = null // the progress before the last reset
  let reviewing = false

  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(storeKey)) || {}
    } catch {
      return {}
    }
  }

  const save = progress => {
    try {
      localStorage.setItem(storeKey, JSON.stringify(progress))
    } catch {
      // Storage may be full or blocked: the answer still shows, it is just not kept.
    }
  }

  const normalize = text => String(text).trim().replace(/\s+/g, " ").toLowerCase()
  const $$ = (selector, scope = document) => [...scope.querySelectorAll(selector)]
  const el = (tag, className, text) => {
    const node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`
  const stateOf = (progress, id) => progress[id]?.state

  /* The learner's answer: the chosen option numbers, or the text typed in. */
  const answerOf = quiz =>
    quiz.dataset.quizKind === "fill"
      ? quiz.querySelector("input[type=text]").value
      : $$("input:checked", quiz).map(input => input.value)

  const isCorrect = (quiz, answer) => {
    if (quiz.dataset.quizKind === "fill") {
      const accepted = JSON.parse(quiz.querySelector("[data-quiz-answers]").dataset.quizAnswers)
      return accepted.some(text => normalize(text) === normalize(answer))
    }
    const right = $$("[data-quiz-correct] input", quiz).map(input => input.value)
    return answer.length === right.length && right.every(value => answer.includes(value))
  }

  const isAnswered = answer => (Array.isArray(answer) ? answer.length > 0 : String(answer).trim() !== "")

  /* What each option was, in words (not by colour alone): shown after the answer. */
  const TAGS = { right: "Correct, your choice", missed: "Correct, not chosen", wrong: "Wrong, your choice" }

  /* Show the verdict, each option's result and chosen feedback, and the explanation. */
  function reveal(quiz, answer) {
    const correct = isCorrect(quiz, answer)
    quiz.dataset.quizState = correct ? "correct" : "incorrect"
    let right = 0
    let wrong = 0
    for (const option of $$(".quiz__option", quiz)) {
      const input = option.querySelector("input")
      const chosen = answer.includes(input.value)
      input.checked = chosen
      const result = option.hasAttribute("data-quiz-correct") ? (chosen ? "right" : "missed") : chosen ? "wrong" : ""
      option.dataset.result = result
      right += result === "right"
      wrong += result === "wrong"
      const text = option.querySelector(".quiz__text")
      text.querySelector(".quiz__tag")?.remove()
      if (text.lastChild?.nodeType === Node.TEXT_NODE && text.lastChild.textContent === " ") text.lastChild.remove()
      if (result) option.querySelector(".quiz__text").append(" ", el("span", "quiz__tag", TAGS[result]))
      const feedback = option.querySelector(".quiz__feedback")
      if (feedback) feedback.hidden = !chosen
    }
    for (const input of $$("input", quiz)) input.disabled = true
    if (quiz.dataset.quizKind === "fill") quiz.querySelector("input[type=text]").value = answer

    const total = $$("[data-quiz-correct]", quiz).length
    let verdict = correct ? "Correct." : "Not quite."
    if (!correct && quiz.dataset.quizKind === "multiple")
      verdict += ` You chose ${right} of ${total} correct answers${wrong ? ` and ${plural(wrong, "wrong one", "wrong ones")}` : ""}.`
    else if (!correct && quiz.dataset.quizKind === "single") verdict += " The correct answer is marked."
    quiz.querySelector(".quiz__status").replaceChildren(el("p", "quiz__verdict", verdict))

    quiz.querySelector(".quiz__solution").open = true
    quiz.querySelector("[type=submit]").hidden = true
    quiz.querySelector("[data-quiz-retry]").hidden = false
  }

  /* Put a quiz back to unanswered. */
  function clear(quiz) {
    delete quiz.dataset.quizState
    for (const option of $$(".quiz__option", quiz)) delete option.dataset.result
    for (const tag of $$(".quiz__tag", quiz)) {
      if (tag.previousSibling?.textContent === " ") tag.previousSibling.remove()
      tag.remove()
    }
    for (const feedback of $$(".quiz__feedback", quiz)) feedback.hidden = true
    for (const input of $$("input", quiz)) {
      input.disabled = false
      input.checked = false
      if (input.type === "text") input.value = ""
    }
    quiz.querySelector(".quiz__status").replaceChildren()
    quiz.querySelector(".quiz__solution").open = false
    quiz.querySelector("[type=submit]").hidden = false
    quiz.querySelector("[data-quiz-retry]").hidden = true
  }

  /* Show every quiz as the stored progress says. */
  function restore(progress = load()) {
    for (const quiz of $$("[data-quiz]")) {
      const saved = progress[quiz.dataset.quiz]
      if (saved) reveal(quiz, saved.answer)
      else if (quiz.dataset.quizState) clear(quiz)
    }
    update(progress)
  }

  function setUp(quiz) {
    if (quiz.dataset.quizReady) return
    quiz.dataset.quizReady = "true"
    const id = quiz.dataset.quiz

    quiz.querySelector("form").addEventListener("submit", event => {
      event.preventDefault()
      const answer = answerOf(quiz)
      if (!isAnswered(answer)) {
        quiz.querySelector(".quiz__status").replaceChildren(el("p", "", "Choose or type an answer first."))
        return
      }
      reveal(quiz, answer)
      const progress = load()
      progress[id] = { state: quiz.dataset.quizState, answer }
      save(progress)
      quiz.querySelector("[data-quiz-retry]").focus()
      update(progress)
      if (quiz.dataset.quizState === "correct") announceDone(quiz, progress)
    })

    quiz.querySelector("[data-quiz-retry]").addEventListener("click", () => {
      clear(quiz)
      const progress = load()
      delete progress[id]
      save(progress)
      quiz.querySelector("input").focus()
      update(progress)
    })
  }

  /* Every quiz id of the module, from the manifest (with the Self-check page's own). */
  const moduleIds = () => {
    const ids = new Set((manifest?.pages || []).flatMap(page => page.quizzes.map(quiz => quiz.id)))
    if (document.querySelector("[data-quiz-progress]")) for (const quiz of $$("[data-quiz]")) ids.add(quiz.dataset.quiz)
    return ids
  }

  /* When the last quiz of the module is answered correctly: say so, once, plainly. */
  function announceDone(quiz, progress) {
    const ids = moduleIds()
    if (!ids.size || ![...ids].every(id => stateOf(progress, id) === "correct")) return
    if (localStorage.getItem(doneKey)) return
    try {
      localStorage.setItem(doneKey, "1")
    } catch {}
    quiz
      .querySelector(".quiz__status")
      .append(el("p", "quiz__done", "That was the last one: you have answered every quiz of the module correctly."))
  }

  /* The page's score and list of questions, the navigation, and the Self-check breakdown. */
  function update(progress = load()) {
    const quizzes = $$("[data-quiz]")
    const right = quizzes.filter(quiz => stateOf(progress, quiz.dataset.quiz) === "correct").length
    for (const value of $$("[data-quiz-score-value]"))
      value.textContent = `${right} of ${quizzes.length} answered correctly`
    for (const entry of $$("[data-quiz-entry]")) {
      const state = stateOf(progress, entry.dataset.quizEntry)
      entry.dataset.state = state || ""
      entry.querySelector(".quiz-entry__state")?.remove()
      if (state)
        entry.append(el("span", "quiz-entry__state", state === "correct" ? " (answered correctly)" : " (answered, not right yet)"))
    }
    if (manifest) {
      markNavigation(progress)
      showBreakdown(progress)
    }
  }

  const pathOf = url => new URL(url, root).pathname

  function markNavigation(progress) {
    const pages = new Map((manifest.pages || []).map(page => [pathOf(page.url), page]))
    // Page entries only (the current page's headings have a #). On a phone the current
    // page's entry is a label that opens its table of contents: it stands for this page.
    const entries = $$(".md-sidebar--primary .md-nav__link[href], .md-sidebar--primary label.md-nav__link--active")
    for (const link of entries) {
      const href = link.getAttribute("href")
      if (href?.includes("#") || link.closest(".md-nav--secondary")) continue
      const page = pages.get(href ? new URL(href, location.href).pathname : location.pathname)
      link.querySelector(".quiz-nav-progress")?.remove()
      link.classList.remove("quiz-nav-done")
      if (!page) continue
      const total = page.quizzes.length
      const right = page.quizzes.filter(quiz => stateOf(progress, quiz.id) === "correct").length
      if (!right) continue
      const mark = el("span", "quiz-nav-progress")
      mark.append(el("span", "", `${right === total ? "\u2714 " : ""}${right}/${total}`))
      mark.lastChild.setAttribute("aria-hidden", "true")
      mark.append(el("span", "md-visually-hidden", `, ${right} of ${total} quizzes answered correctly`))
      // Right after the title's last word, with no space, so that it never wraps apart.
      const title = link.querySelector(".md-ellipsis") || link
      title.lastChild?.nodeType === Node.TEXT_NODE && (title.lastChild.textContent = title.lastChild.textContent.trimEnd())
      title.append(mark)
      link.classList.toggle("quiz-nav-done", right === total)
    }
  }

  /* Self-check: each page's and each goal's score, missed questions, and the completion line. */
  function showBreakdown(progress) {
    const box = document.querySelector("[data-quiz-progress]")
    if (!box) return
    const goals = {}
    for (const page of manifest.pages) {
      const right = page.quizzes.filter(quiz => stateOf(progress, quiz.id) === "correct").length
      const row = box.querySelector(`[data-quiz-page="${CSS.escape(page.url)}"]`)
      if (row) row.querySelector("[data-quiz-page-score]").textContent = `${right} of ${page.quizzes.length}`
      for (const quiz of page.quizzes) {
        const goal = (goals[quiz.goal] ||= { right: 0, total: 0 })
        goal.total++
        goal.right += stateOf(progress, quiz.id) === "correct"
      }
    }
    for (const row of $$("[data-quiz-goal-row]", box)) {
      const goal = goals[row.dataset.quizGoalRow] || { right: 0, total: 0 }
      row.querySelector("[data-quiz-goal-score]").textContent = `${goal.right} of ${goal.total}`
    }
    const missed = $$("[data-quiz]").filter(quiz => stateOf(progress, quiz.dataset.quiz) === "incorrect")
    box.querySelector("[data-quiz-missed-count]").textContent = ` (${missed.length})`
    const ids = moduleIds()
    const done = box.querySelector("[data-quiz-done]")
    done.hidden = ![...ids].every(id => stateOf(progress, id) === "correct")
    done.textContent = done.hidden ? "" : "You have answered every quiz of the module correctly."
    if (reviewing) review(progress)
  }

  /* Show only the questions last answered wrong, with the headings of their pages. */
  function review(progress = load()) {
    const main = document.querySelector(".md-content__inner")
    const button = document.querySelector("[data-quiz-review]")
    button.setAttribute("aria-pressed", String(reviewing))
    main.classList.toggle("quiz-reviewing", reviewing)
    let shown = 0
    for (const quiz of $$("[data-quiz]")) {
      const missed = stateOf(progress, quiz.dataset.quiz) === "incorrect"
      // A question answered right during the review stays until the review ends.
      if (missed) quiz.dataset.reviewed = "true"
      const show = !reviewing || missed || quiz.dataset.reviewed === "true"
      quiz.classList.toggle("quiz--hidden", !show)
      shown += reviewing && show
    }
    if (!reviewing) for (const quiz of $$("[data-reviewed]")) delete quiz.dataset.reviewed
    // A section heading shows while the review shows a question of its section.
    for (const heading of $$(".md-content__inner > h2")) {
      let next = heading.nextElementSibling
      let any = false
      while (next && next.tagName !== "H2") {
        any ||= next.matches("[data-quiz]:not(.quiz--hidden)")
        next = next.nextElementSibling
      }
      heading.classList.toggle("quiz--hidden", reviewing && !any)
    }
    const note = document.querySelector("[data-quiz-undo]")
    if (reviewing) note.textContent = shown ? `Showing the ${plural(shown, "question", "questions")} you missed.` : "You have no missed questions to review."
    else if (!undo) note.textContent = ""
  }

  /* Reset some quizzes (a page, or all), keeping what is needed to undo it. */
  function reset(ids, what, status) {
    const progress = load()
    undo = { ...progress }
    for (const id of ids) delete progress[id]
    save(progress)
    restore(progress)
    status.replaceChildren(el("span", "", `${what} cleared. `))
    const button = el("button", "md-button quiz-undo", "Undo")
    button.type = "button"
    button.addEventListener("click", () => {
      save(undo)
      undo = null
      restore()
      status.replaceChildren(el("span", "", "Your answers are back."))
    })
    status.append(button)
  }

  function setUpResets() {
    const pageReset = document.querySelector("[data-quiz-reset]")
    if (pageReset && !pageReset.dataset.quizReady) {
      pageReset.dataset.quizReady = "true"
      const status = el("p", "quiz-score__status")
      status.setAttribute("role", "status")
      pageReset.after(status)
      pageReset.addEventListener("click", () =>
        reset(
          $$("[data-quiz]").map(quiz => quiz.dataset.quiz),
          "This page's answers are",
          status
        )
      )
    }
    const box = document.querySelector("[data-quiz-progress]")
    if (!box || box.dataset.quizReady) return
    box.dataset.quizReady = "true"
    const status = box.querySelector("[data-quiz-undo]")
    box.querySelector("[data-quiz-review]").addEventListener("click", () => {
      reviewing = !reviewing
      review()
    })
    for (const button of $$("[data-quiz-reset-page]", box)) {
      button.addEventListener("click", () => {
        const page = manifest?.pages.find(p => p.url === button.dataset.quizResetPage)
        if (page) reset(page.quizzes.map(quiz => quiz.id), `The answers of ${page.title} are`, status)
      })
    }
    const all = box.querySelector("[data-quiz-reset-all]")
    all.addEventListener("click", () => {
      const ask = el("span", "", "Clear every answer on every page? ")
      const yes = el("button", "md-button", "Yes, clear them all")
      const no = el("button", "md-button", "Keep them")
      yes.type = no.type = "button"
      yes.addEventListener("click", () => {
        reset([...moduleIds()], "Every answer is", status)
        status.querySelector("button")?.focus()
      })
      no.addEventListener("click", () => {
        status.replaceChildren()
        all.focus()
      })
      status.replaceChildren(ask, yes, " ", no)
      no.focus()
    })
  }

  function init() {
    for (const quiz of $$("[data-quiz]")) setUp(quiz)
    setUpResets()
    reviewing = false
    restore()
  }

  fetch(new URL("quizzes.json", root))
    .then(response => (response.ok ? response.json() : null))
    .catch(() => null)
    .then(data => {
      manifest = data?.pages ? data : null
      update()
    })

  /* Printed pages show every answer. */
  window.addEventListener("beforeprint", () => {
    for (const details of $$(".quiz__solution")) details.open = true
  })

  /* Answers given in another tab show here when the learner comes back. */
  window.addEventListener("storage", event => {
    if (event.key === storeKey) restore()
  })

  /* Material swaps the page on instant navigation and emits on document$. */
  if (typeof document$ !== "undefined") document$.subscribe(init)
  else document.addEventListener("DOMContentLoaded", init)
})()

/*
 * Self-check quizzes: check answers, keep progress in this browser, show each page's score
 * and mark finished pages in the navigation. The quizzes themselves are HTML built at build
 * time (hooks/quiz_block.py); this script only reveals and toggles what is already there,
 * and writes text with textContent, never HTML.
 */
(() => {
  "use strict"

  const root = new URL("../../", document.currentScript.src) // the site's root folder
  const storeKey = `quiz-progress:${root.pathname}` // GitHub Pages sites share an origin
  let manifest = null // page URL -> quiz ids, from quizzes.json

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

  const normalize = text => text.trim().replace(/\s+/g, " ").toLowerCase()
  const $$ = (selector, scope = document) => [...scope.querySelectorAll(selector)]

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

  const isAnswered = answer => (Array.isArray(answer) ? answer.length > 0 : answer.trim() !== "")

  /* Show the verdict, each chosen option's feedback and the explanation; lock the inputs. */
  function reveal(quiz, answer) {
    const correct = isCorrect(quiz, answer)
    const notes = []
    quiz.dataset.quizState = correct ? "correct" : "incorrect"
    for (const option of $$(".quiz__option", quiz)) {
      const input = option.querySelector("input")
      const chosen = answer.includes(input.value)
      input.checked = chosen
      option.dataset.result = option.hasAttribute("data-quiz-correct")
        ? chosen ? "right" : "missed"
        : chosen ? "wrong" : ""
      const feedback = option.querySelector(".quiz__feedback")
      if (feedback) {
        feedback.hidden = !chosen
        if (chosen) notes.push(feedback.textContent.trim())
      }
    }
    for (const input of $$("input", quiz)) input.disabled = true
    if (quiz.dataset.quizKind === "fill") quiz.querySelector("input[type=text]").value = answer

    const status = quiz.querySelector(".quiz__status")
    const verdict = document.createElement("p")
    verdict.className = "quiz__verdict"
    verdict.textContent = correct ? "Correct." : "Not quite."
    const right = $$("[data-quiz-correct] label", quiz).map(label => label.textContent.trim())
    const detail = document.createElement("p")
    detail.className = "quiz__detail"
    detail.textContent = [
      correct || quiz.dataset.quizKind === "fill" ? "" : `The correct answer: ${right.join("; ")}.`,
      ...notes,
      "The explanation follows."
    ].filter(Boolean).join(" ")
    status.replaceChildren(verdict, detail)

    quiz.querySelector(".quiz__solution").open = true
    quiz.querySelector("[type=submit]").hidden = true
    quiz.querySelector("[data-quiz-retry]").hidden = false
  }

  /* Put a quiz back to unanswered. */
  function clear(quiz) {
    delete quiz.dataset.quizState
    for (const option of $$(".quiz__option", quiz)) delete option.dataset.result
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

  function setUp(quiz) {
    if (quiz.dataset.quizReady) return
    quiz.dataset.quizReady = "true"
    const id = quiz.dataset.quiz

    quiz.querySelector("form").addEventListener("submit", event => {
      event.preventDefault()
      const answer = answerOf(quiz)
      const status = quiz.querySelector(".quiz__status")
      if (!isAnswered(answer)) {
        const hint = document.createElement("p")
        hint.textContent = "Choose or type an answer first."
        status.replaceChildren(hint)
        return
      }
      reveal(quiz, answer)
      const progress = load()
      progress[id] = { state: quiz.dataset.quizState, answer }
      save(progress)
      quiz.querySelector("[data-quiz-retry]").focus()
      update()
    })

    quiz.querySelector("[data-quiz-retry]").addEventListener("click", () => {
      clear(quiz)
      const progress = load()
      delete progress[id]
      save(progress)
      quiz.querySelector("input").focus()
      update()
    })

    const saved = load()[id]
    if (saved) reveal(quiz, saved.answer)
  }

  /* The page's score, and the check marks in the navigation. */
  function update() {
    const progress = load()
    const quizzes = $$("[data-quiz]")
    const box = document.querySelector("[data-quiz-score]")
    if (box) {
      const right = quizzes.filter(quiz => progress[quiz.dataset.quiz]?.state === "correct").length
      box.querySelector("[data-quiz-score-value]").textContent =
        `${right} of ${quizzes.length} answered correctly`
    }
    if (manifest) markNavigation(progress)
  }

  function markNavigation(progress) {
    const finished = new Set(
      Object.entries(manifest)
        .filter(([, ids]) => ids.length && ids.every(id => progress[id]?.state === "correct"))
        .map(([url]) => new URL(url, root).pathname)
    )
    for (const link of $$(".md-nav__link[href]")) {
      const done = finished.has(new URL(link.getAttribute("href"), location.href).pathname)
      link.classList.toggle("quiz-nav-done", done)
      let mark = link.querySelector(".quiz-done")
      if (done && !mark) {
        mark = document.createElement("span")
        mark.className = "quiz-done"
        mark.textContent = " (all quizzes answered correctly)"
        link.append(mark)
      } else if (!done && mark) {
        mark.remove()
      }
    }
  }

  function resetPage() {
    const progress = load()
    for (const quiz of $$("[data-quiz]")) {
      delete progress[quiz.dataset.quiz]
      clear(quiz)
    }
    save(progress)
    update()
  }

  function init() {
    for (const quiz of $$("[data-quiz]")) setUp(quiz)
    const reset = document.querySelector("[data-quiz-reset]")
    if (reset && !reset.dataset.quizReady) {
      reset.dataset.quizReady = "true"
      reset.addEventListener("click", resetPage)
    }
    update()
  }

  fetch(new URL("quizzes.json", root))
    .then(response => (response.ok ? response.json() : {}))
    .catch(() => ({}))
    .then(data => {
      manifest = data
      markNavigation(load())
    })

  /* Printed pages show every answer. */
  window.addEventListener("beforeprint", () => {
    for (const details of $$(".quiz__solution")) details.open = true
  })

  /* Material swaps the page on instant navigation and emits on document$. */
  if (typeof document$ !== "undefined") document$.subscribe(init)
  else document.addEventListener("DOMContentLoaded", init)
})()

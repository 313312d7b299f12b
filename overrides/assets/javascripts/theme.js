/*
 * Theme fixes and helpers, run after Material's script on every page (Material emits
 * document$ on load and after each instant navigation): accessible names Material leaves
 * out, the colour toggle, and the service worker that keeps the module readable offline.
 * (Abbreviations show what they stand for on a tap through Material's own tooltips,
 * content.tooltips.)
 */
(() => {
  "use strict"

  const script = document.currentScript

  function fix() {
    /* Code annotation markers show their number through CSS only: give the link a name. */
    for (const link of document.querySelectorAll(".md-annotation__index:not([aria-label])")) {
      const number = link.querySelector("[data-md-annotation-id]")?.dataset.mdAnnotationId
      link.setAttribute("aria-label", `Annotation ${number ?? ""}`.trim())
    }
    /* Each code block's copy button sits in a <nav>: many unnamed navigation landmarks. */
    for (const nav of document.querySelectorAll(".md-code__nav:not([role])")) {
      nav.setAttribute("role", "none")
    }
  }

  /*
   * Tooltips (content.tooltips) are added to <body>, outside every landmark, and repeat the
   * title that screen readers already read from the element itself: hide them from the
   * accessibility tree. Code blocks are mounted as they scroll into view (content.lazy),
   * long after document$: fix each as it is mounted.
   */
  new MutationObserver(records => {
    let mounted = false
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue
        if (node.getAttribute("role") === "tooltip") node.setAttribute("aria-hidden", "true")
        else mounted ||= node.matches(".md-code__nav, .md-annotation") || !!node.querySelector(".md-code__nav, .md-annotation")
      }
    if (mounted) fix()
  }).observe(document.body, { childList: true, subtree: true })

  /*
   * The colour toggle (partials/palette.html): each label checks the next option. The
   * scheme was applied before the first paint; here it changes only when the reader
   * switches, or when the system changes while the toggle follows it.
   */
  const palette = document.querySelector("[data-palette]")
  if (palette && typeof __md_palette === "function") {
    const inputs = [...palette.querySelectorAll("input")]
    const current = () => Math.max(0, inputs.findIndex(input => input.checked))
    const apply = index => {
      /* No colour transitions while switching (Material's own rule in palette.css). */
      document.body.setAttribute("data-md-color-switching", "")
      __md_set("__palette", __md_palette(index))
      setTimeout(() => document.body.removeAttribute("data-md-color-switching"))
    }
    palette.addEventListener("change", event => apply(inputs.indexOf(event.target)))
    /* Enter on the focused option moves on, as a click on its label does. */
    palette.addEventListener("keydown", event => {
      if (event.key !== "Enter") return
      event.preventDefault()
      const next = inputs[(current() + 1) % inputs.length]
      next.click()
      next.focus()
    })
    matchMedia("(prefers-color-scheme: light)").addEventListener("change", () => __md_palette(current()))
  }

  /* Offline: after the page has loaded, so that the first visit is not slowed. */
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    addEventListener("load", () => {
      navigator.serviceWorker.register(new URL("../../sw.js", script.src)).catch(() => {})
    })
  }

  if (typeof document$ !== "undefined") document$.subscribe(fix)
})()

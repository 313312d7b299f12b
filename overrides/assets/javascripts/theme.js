/*
 * Theme fixes and helpers, run after Material's script on every page (Material emits
 * document$ on load and after each instant navigation): accessible names Material leaves
 * out, and the service worker that keeps the module readable offline. (Abbreviations show
 * what they stand for on a tap through Material's own tooltips, content.tooltips.)
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
   * accessibility tree.
   */
  new MutationObserver(records => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element && node.getAttribute("role") === "tooltip")
          node.setAttribute("aria-hidden", "true")
  }).observe(document.body, { childList: true })

  /* Offline: after the page has loaded, so that the first visit is not slowed. */
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    addEventListener("load", () => {
      navigator.serviceWorker.register(new URL("../../sw.js", script.src)).catch(() => {})
    })
  }

  if (typeof document$ !== "undefined") document$.subscribe(fix)
})()

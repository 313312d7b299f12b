/*
 * Accessibility fixes to elements that Material's own script creates, run after it on every
 * page (Material emits document$ on load and after each instant navigation).
 */
(() => {
  "use strict"

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

  if (typeof document$ !== "undefined") document$.subscribe(fix)
})()

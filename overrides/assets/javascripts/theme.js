/*
 * Theme fixes and helpers, run after Material's script on every page (Material emits
 * document$ on load and after each instant navigation): accessible names Material leaves
 * out, abbreviations that explain themselves on a tap, and the service worker that keeps
 * the module readable offline.
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

  /*
   * A tap on an abbreviation shows what it stands for (touch screens have no hover): a
   * small note below it, until the next tap anywhere.
   */
  let tip = null
  const closeTip = () => {
    tip?.remove()
    tip = null
  }
  document.addEventListener("click", event => {
    const abbr = event.target instanceof Element ? event.target.closest("abbr[title]") : null
    const same = abbr && tip?.dataset.for === abbr.textContent
    closeTip()
    if (!abbr || same) return
    tip = document.createElement("span")
    tip.className = "abbr-tip"
    tip.dataset.for = abbr.textContent
    tip.setAttribute("role", "status")
    tip.textContent = `${abbr.textContent}: ${abbr.title}`
    const box = abbr.getBoundingClientRect()
    tip.style.left = `${Math.max(8, Math.min(box.left + scrollX, scrollX + innerWidth - 288))}px`
    tip.style.top = `${box.bottom + scrollY + 6}px`
    document.body.append(tip)
  })
  document.addEventListener("keydown", event => event.key === "Escape" && closeTip())

  /* Offline: after the page has loaded, so that the first visit is not slowed. */
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    addEventListener("load", () => {
      navigator.serviceWorker.register(new URL("../../sw.js", script.src)).catch(() => {})
    })
  }

  if (typeof document$ !== "undefined") document$.subscribe(() => {
    closeTip()
    fix()
  })
})()

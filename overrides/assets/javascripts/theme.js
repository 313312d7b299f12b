/*
 * Theme fixes and helpers, run after Material's script on every page (Material emits
 * document$ on load and after each instant navigation): accessible names Material leaves
 * out, the colour toggle, the abbreviations' tooltips, and the service worker that keeps
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
   * Code blocks are mounted as they scroll into view (content.lazy), long after document$:
   * fix each as it is mounted.
   */
  new MutationObserver(records => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element && (node.matches(".md-code__nav, .md-annotation") || node.querySelector(".md-code__nav, .md-annotation")))
          return fix()
  }).observe(document.body, { childList: true, subtree: true })

  /*
   * Abbreviations (sitekit.glossary): what each stands for, in a tooltip under the word
   * when it is pointed at or tapped, since a touch screen never shows a title. One tooltip
   * for the page, from listeners on the document, in Material's tooltip style. Material's
   * own tooltips (content.tooltips) set up a component for every abbreviation on every
   * visit, hundreds on a long page; that set-up was the largest task of a page's start.
   * The tooltip is hidden from screen readers, which read the title itself; it goes when
   * the pointer leaves the word and the tooltip, on a tap elsewhere, on Escape, and when
   * the window is resized.
   */
  const tooltip = (() => {
    let host = null, title = "", node = null, leaving = 0

    function show(abbr) {
      clearTimeout(leaving)
      if (abbr === host) return
      hide()
      host = abbr
      title = abbr.title
      abbr.removeAttribute("title") /* no second, native tooltip */
      node = document.createElement("div")
      node.className = "md-tooltip2 md-tooltip2--bottom"
      node.setAttribute("role", "tooltip")
      node.setAttribute("aria-hidden", "true")
      const inner = document.createElement("div")
      inner.className = "md-tooltip2__inner md-typeset"
      inner.textContent = title
      node.append(inner)
      const box = abbr.getBoundingClientRect()
      node.style.setProperty("--md-tooltip-host-x", `${box.x + scrollX}px`)
      node.style.setProperty("--md-tooltip-host-y", `${box.y + scrollY}px`)
      node.style.setProperty("--md-tooltip-x", `${box.width / 2}px`)
      node.style.setProperty("--md-tooltip-y", `${8 + box.height}px`)
      node.style.setProperty("--md-tooltip-tail", "0px")
      document.body.append(node)
      node.style.setProperty("--md-tooltip-width", `${inner.getBoundingClientRect().width}px`)
      const shown = node
      requestAnimationFrame(() => shown.classList.add("md-tooltip2--active"))
    }

    function hide() {
      clearTimeout(leaving)
      if (!host) return
      host.setAttribute("title", title)
      node.remove()
      host = node = null
    }

    const abbrOf = target => target instanceof Element ? target.closest(".md-content abbr[title]") : null
    const within = target => target instanceof Node && !!host && (host.contains(target) || node.contains(target))
    document.addEventListener("mouseover", event => {
      const abbr = abbrOf(event.target)
      if (abbr) show(abbr)
      else if (within(event.target)) clearTimeout(leaving)
    })
    /* Leaving the word, the pointer has a quarter of a second to reach the tooltip. */
    document.addEventListener("mouseout", event => {
      if (within(event.target) && !within(event.relatedTarget)) leaving = setTimeout(hide, 250)
    })
    document.addEventListener("click", event => {
      const abbr = abbrOf(event.target)
      if (abbr) show(abbr)
      else if (!within(event.target)) hide()
    })
    document.addEventListener("keydown", event => {
      if (event.key === "Escape") hide()
    })
    addEventListener("resize", hide)
    return { hide }
  })()

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

  if (typeof document$ !== "undefined")
    document$.subscribe(() => {
      tooltip.hide() /* from the page before an instant navigation */
      fix()
    })
})()

/*
 * The site's service worker (written into the built site by sitekit/offline): after a
 * first visit, every page, the search index and the quiz files come from this browser's
 * cache, so the module works with the network gone. Each file carries a revision; a new
 * deploy fetches only the files whose revision changed and drops the old cache.
 */
const FILES = __FILES__ // [path relative to this file, revision]
const CACHE = `site-${__VERSION__}`
const base = new URL("./", self.location)
const urlOf = path => new URL(path, base).href

const REVISIONS = urlOf("__revisions__")

self.addEventListener("install", event => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      const [old, known] = await previous()
      for (const [path, revision] of FILES) {
        const url = urlOf(path)
        const kept = old && known[path] === revision && (await old.match(url))
        const response = kept || (await fetch(url, { cache: "no-cache" }))
        if (response.ok) await cache.put(url, response)
      }
      await cache.put(REVISIONS, new Response(JSON.stringify(Object.fromEntries(FILES))))
      await self.skipWaiting()
    })()
  )
})

/* The cache of the deploy before this one and its revisions, to reuse unchanged files. */
async function previous() {
  const names = (await caches.keys()).filter(name => name.startsWith("site-") && name !== CACHE)
  if (!names.length) return [null, {}]
  const old = await caches.open(names[names.length - 1])
  const revisions = await old.match(REVISIONS)
  return [old, revisions ? await revisions.json() : {}]
}

self.addEventListener("activate", event => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("site-") && name !== CACHE) await caches.delete(name)
      await self.clients.claim()
    })()
  )
})

/* Pages and files from the network when it answers (so a learner online sees the newest
   deploy), from the cache when it does not; a page never cached falls back to the 404 page. */
self.addEventListener("fetch", event => {
  const request = event.request
  if (request.method !== "GET" || !request.url.startsWith(base.href)) return
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE)
      const url = request.url.split("#")[0].split("?")[0]
      try {
        const response = await fetch(request)
        if (response.ok && FILES.some(([path]) => urlOf(path) === url)) cache.put(url, response.clone())
        return response
      } catch (error) {
        const cached = (await cache.match(url)) || (await cache.match(url.endsWith("/") ? `${url}index.html` : `${url}/`))
        if (cached) return cached
        if (request.mode === "navigate") return (await cache.match(urlOf("404.html"))) || Response.error()
        throw error
      }
    })()
  )
})

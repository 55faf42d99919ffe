// Gets the self-check's runtime on its way early, so that the self-check is ready on arrival. Loaded in the head of
// every page (overrides/main.html), `async`, so that it runs as soon as it has arrived.
//
// On the self-check page (data-wasm), it asks for the WebAssembly, the largest file the start waits for and the first
// it needs, as a preload into the HTTP cache, once the page has first painted: before that, the page's own styles and
// scripts need the link (and Lighthouse counts a request made before the first paint against it). That is still
// 0.3-0.5 s before the worker would ask on a phone; the worker then takes it from the cache.
//
// On every other page it fetches the runtime into the HTTP cache only on a sign that the reader is heading for the
// self-check:
//   - on a page that leads there (data-on-idle: the eligibility and how-to-apply pages), once the page is idle;
//   - on any page, when a pointer rests on a link to the self-check, a touch or click starts on one, or keyboard focus
//     rests on one.
// A visit without such a sign fetches nothing, and nothing is fetched ahead for a browser that asks to save data
// (Save-Data). The page names the runtime's files (content-named, cached for good), in the order a start needs them:
// the start's own files first, the WebAssembly the largest, then the standard library once they have arrived. Where
// the browser has Speculation Rules, it also prefetches the self-check page itself on the same signs (moderate
// eagerness). No address or page name is written here: they come from the page.

const RESTING_MS = 200; // a pointer or focus resting on a link this long means intent, as moderate eagerness reads it

const script = document.querySelector("script[data-selfcheck-prefetch]");
if (script?.dataset.wasm) {
  afterTheFirstPaint(() => preload(script.dataset.wasm));
} else if (script && !navigator.connection?.saveData) {
  watchForIntent(script.dataset);
}

function preload(href) {
  const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "", href });
  document.head.append(link);
}

function afterTheFirstPaint(callback) {
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    callback();
    return;
  }
  new PerformanceObserver((entries, observer) => {
    if (entries.getEntriesByName("first-contentful-paint").length > 0) {
      observer.disconnect();
      callback();
    }
  }).observe({ type: "paint", buffered: true });
}

function watchForIntent({ selfCheck, boot, stdlib, onIdle }) {
  const target = new URL(selfCheck, document.baseURI);
  const linkToSelfCheck = (element) => {
    const link = element instanceof Element ? element.closest("a[href]") : null;
    return link && link.origin === target.origin && link.pathname === target.pathname ? link : null;
  };
  let started = false;
  let resting = null;

  const start = () => {
    if (started) {
      return;
    }
    started = true;
    clearTimeout(resting);
    prefetch(boot.split(" ")).then(() => prefetch([stdlib]));
  };
  const restOn = (event) => {
    const link = linkToSelfCheck(event.target);
    if (link && !link.contains(event.relatedTarget)) {
      clearTimeout(resting);
      resting = setTimeout(start, RESTING_MS);
    }
  };
  const leave = (event) => {
    const link = linkToSelfCheck(event.target);
    if (link && !link.contains(event.relatedTarget)) {
      clearTimeout(resting);
    }
  };
  document.addEventListener("pointerover", restOn);
  document.addEventListener("pointerout", leave);
  document.addEventListener("focusin", restOn);
  document.addEventListener("focusout", leave);
  document.addEventListener("pointerdown", (event) => linkToSelfCheck(event.target) && start());
  if (onIdle !== undefined) {
    whenIdle(start);
  }
  speculate(target);
}

// Resolves once every file has arrived or failed: a file that fails is left to the self-check to report.
function prefetch(hrefs) {
  return Promise.all(hrefs.map((href) => new Promise((settled) => {
    const link = Object.assign(document.createElement("link"), { rel: "prefetch", href });
    link.addEventListener("load", settled);
    link.addEventListener("error", settled);
    document.head.append(link);
  })));
}

function whenIdle(callback) {
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(callback) : setTimeout(callback, 0));
  if (document.readyState === "complete") {
    idle();
  } else {
    window.addEventListener("load", idle, { once: true });
  }
}

// The browser's own prefetch of the self-check page, on the same signs; the page's policy allows these rules
// ('inline-speculation-rules'), which are data, not code.
function speculate(target) {
  if (!HTMLScriptElement.supports?.("speculationrules")) {
    return;
  }
  const rules = document.createElement("script");
  rules.type = "speculationrules";
  rules.textContent = JSON.stringify({
    prefetch: [{ source: "document", where: { href_matches: asPattern(target.pathname) }, eagerness: "moderate" }],
  });
  document.head.append(rules);
}

// A path as a URL pattern that matches it alone: the pattern syntax's own characters escaped.
function asPattern(path) {
  return path.replace(/[\\:*?+(){}]/g, "\\$&");
}

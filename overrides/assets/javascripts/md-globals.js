// Storage helpers that Material's bundle expects as globals, served as a file instead of an inline script.
// Keys are scoped to the site's base path, so two sites on one host do not share settings.
(() => {
  const scope = new URL(document.currentScript.dataset.scope, location);

  globalThis.__md_scope = scope;
  globalThis.__md_hash = (text) => [...text].reduce((hash, character) => (hash << 5) - hash + character.charCodeAt(0), 0);
  globalThis.__md_get = (key, storage = localStorage, keyScope = scope) =>
    JSON.parse(storage.getItem(`${keyScope.pathname}.${key}`));
  globalThis.__md_set = (key, value, storage = localStorage, keyScope = scope) => {
    try {
      storage.setItem(`${keyScope.pathname}.${key}`, JSON.stringify(value));
    } catch {
      // Storage may be full or switched off; Material works without it.
    }
  };
})();

// Material's bundle fetches a sitemap.xml beside every <link rel="alternate"> in the page, to send its own language
// menu to the same page in another language. This site's switcher already links to that page, and the hreflang links
// are there for search engines: the fetches would only cost visitors data (and, addressed beside a page, a 404 each).
// They are answered here, as a failed request, without the network; Material then leaves its menu as it is.
(() => {
  const { open, send } = XMLHttpRequest.prototype;
  const unwanted = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (new URL(url, location).pathname.endsWith("/sitemap.xml")) {
      unwanted.add(this);
    }
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (unwanted.has(this)) {
      queueMicrotask(() => this.dispatchEvent(new ProgressEvent("error")));
      return undefined;
    }
    return send.apply(this, body);
  };
})();

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

// A stock Pyodide boot: import it, then loadPyodide with Pyodide's own standard library and lock file (copied
// beside this page by the benchmark) and nothing of the self-check's.
self.addEventListener("message", async ({ data: { pyodideUrl, stdlibUrl, lockUrl } }) => {
  try {
    const { loadPyodide } = await import(pyodideUrl);
    await loadPyodide({ indexURL: new URL(".", pyodideUrl).href, stdLibURL: stdlibUrl, lockFileURL: lockUrl });
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "failed", reason: String(error) });
  }
}, { once: true });

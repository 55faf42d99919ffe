// Only what the self-check's worker does to boot Pyodide: import it, then loadPyodide from the same folder.
self.addEventListener("message", async ({ data: { pyodideUrl } }) => {
  try {
    const { loadPyodide } = await import(pyodideUrl);
    await loadPyodide({ indexURL: new URL(".", pyodideUrl).href });
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "failed", reason: String(error) });
  }
}, { once: true });

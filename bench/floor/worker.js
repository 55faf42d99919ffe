// Download and compile the WebAssembly, streaming, as Pyodide does; nothing else.
self.addEventListener("message", async ({ data: { wasmUrl } }) => {
  try {
    await WebAssembly.compileStreaming(fetch(wasmUrl));
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "failed", reason: String(error) });
  }
}, { once: true });

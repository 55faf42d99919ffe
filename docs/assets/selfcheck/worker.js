// Module worker: runs the self-check's Python rules under Pyodide, off the main thread.
// It only moves data: answers in, results out. Every rule is in the Python package it loads.
//
// Messages in:  {type: "start", pyodideUrl, archiveUrl, archiveSha256, rulesJson}
//               {type: "evaluate", id, answersJson}
// Messages out: {type: "ready"} | {type: "failed", reason} | {type: "result", id, resultJson}

let engine = Promise.reject(new Error("evaluate before start"));
engine.catch(() => {}); // replaced by the real engine on "start"
let started = false;

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "start" && !started) {
    started = true;
    engine = start(message);
    engine.then(
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", reason: String(error && error.message ? error.message : error) }),
    );
  } else if (message.type === "evaluate") {
    try {
      const evaluate = await engine;
      self.postMessage({ type: "result", id: message.id, resultJson: evaluate(message.answersJson) });
    } catch (error) {
      self.postMessage({ type: "failed", reason: String(error && error.message ? error.message : error) });
    }
  }
});

async function start({ pyodideUrl, archiveUrl, archiveSha256, rulesJson }) {
  const [{ loadPyodide }, archive] = await Promise.all([import(pyodideUrl), fetchBytes(archiveUrl)]);
  const pyodide = await Promise.race([loadPyodide({ indexURL: new URL(".", pyodideUrl).href }), webAssemblyFailure()]);
  const digest = pyodide.runPython("import hashlib; lambda data: hashlib.sha256(data.to_bytes()).hexdigest()");
  const actual = digest(archive);
  if (actual !== archiveSha256) {
    throw new Error(`${archiveUrl} does not match its checksum (expected ${archiveSha256}, found ${actual})`);
  }
  pyodide.unpackArchive(archive, "zip");
  const evaluateJson = pyodide.pyimport("selfcheck").evaluate_json;
  return (answersJson) => evaluateJson(answersJson, rulesJson);
}

// Pyodide only logs a WebAssembly module that cannot be fetched, compiled or instantiated (a missing file, a host
// policy without 'wasm-unsafe-eval') and then waits for ever. This rejects instead, so that the page can say so.
function webAssemblyFailure() {
  return new Promise((resolve, reject) => {
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const instantiate = WebAssembly[name];
      WebAssembly[name] = (...args) =>
        instantiate.apply(WebAssembly, args).catch((error) => {
          reject(error);
          throw error;
        });
    }
  });
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: the server answered ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

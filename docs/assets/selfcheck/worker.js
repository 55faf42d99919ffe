// Module worker: runs the self-check's Python rules under Pyodide, off the main thread.
// It only moves data: answers in, results out. Every rule is in the Python package it loads.
//
// Messages in:  {type: "start", pyodideUrl, stdlibUrl, stdlibIntegrity, lockUrl, lockIntegrity, package, rulesJson,
//                language}
//               {type: "evaluate", id, answersJson}
// Messages out: {type: "ready"} | {type: "failed", reason} | {type: "result", id, resultJson}
//
// What runs is pinned by the page: the lock file and the standard library by their Subresource Integrity values (the
// browser checks them as they arrive, before Python reads a byte), the engine's wheel by the sha256 in that lock
// (Pyodide checks it).

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

async function start({ pyodideUrl, stdlibUrl, stdlibIntegrity, lockUrl, lockIntegrity, package: name, rulesJson, language }) {
  const lockFileContents = fetchChecked(lockUrl, lockIntegrity, "the lock file").then((response) => response.text());
  lockFileContents.catch(() => {}); // loadPyodide reports it; this only keeps it from counting as unhandled meanwhile
  const standardLibraryFailure = checkedAtLowPriority(stdlibUrl, stdlibIntegrity, "the standard library");
  const { loadPyodide } = await import(pyodideUrl);
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: new URL(".", pyodideUrl).href,
      stdLibURL: stdlibUrl,
      lockFileContents,
      packageBaseUrl: new URL(".", lockUrl).href,
      packages: [name], // fetched while Python starts
    }).catch((error) => {
      throw new Error(`Python could not start: ${error.message}`);
    }),
    webAssemblyFailure(),
    standardLibraryFailure,
  ]);
  if (!pyodide.loadedPackages[name]) {
    throw new Error(`the ${name} wheel named in ${lockUrl} could not be fetched, or does not match its sha256 there ` +
      "(Pyodide logged the error)");
  }
  const evaluateJson = pyodide.pyimport(name).evaluate_json;
  // Once with no answers, before "ready": the engine reads the rules and the page language's catalog now, so that
  // bad rules, an unknown language or a missing catalog fail the start, not a visitor's first submit.
  evaluateJson("{}", rulesJson, language);
  return (answersJson) => evaluateJson(answersJson, rulesJson, language);
}

// Pyodide asks for the standard library itself (stdLibURL), and has no option for its integrity: this adds the page's
// value to that one request, so that the browser refuses bytes that do not match it before Python reads any of them,
// and asks at low priority. Pyodide asks for it as it starts, beside the WebAssembly, which the page asked for first
// (prefetch.js preloads it), though Python needs it only once the WebAssembly is compiled: a host that sends by
// priority (HTTP/2, HTTP/3) then sends the WebAssembly first. (Holding the request back until the WebAssembly had
// arrived measured no sooner a start, whether the page or this worker watched for it: Python needs both files at
// once, and learns of the WebAssembly's last byte only once it is compiled. bench/selfcheck_arrival.py --steps;
// README.)
// Pyodide only logs a standard library it could not fetch and goes on without it: the returned promise rejects
// instead, with what went wrong, so that the start fails as itself.
function checkedAtLowPriority(url, integrity, what) {
  const fetchNow = self.fetch;
  return new Promise((_, reject) => {
    self.fetch = (resource, options) => {
      if (String(resource) !== url) {
        return fetchNow(resource, options);
      }
      const response = fetchNow(resource, { ...options, integrity, priority: "low" }).then((answer) => {
        if (!answer.ok) {
          throw new Error(`the server answered ${answer.status}`);
        }
        return answer;
      });
      response.catch((error) => reject(
        new Error(`${what} ${url} could not be fetched, or does not match its integrity value (${error.message})`)));
      return response;
    };
  });
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

// fetch() rejects a response whose body does not match `integrity`, with the same error as a failed request.
async function fetchChecked(url, integrity, what) {
  let response;
  try {
    response = await fetch(url, { integrity });
  } catch (error) {
    throw new Error(`${what} ${url} could not be fetched, or does not match its integrity value (${error.message})`);
  }
  if (!response.ok) {
    throw new Error(`${what} ${url}: the server answered ${response.status}`);
  }
  return response;
}

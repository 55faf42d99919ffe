// Evaluate golden cases with the self-check engine under Pyodide in Node, loaded as the browser's worker loads it:
// the built site's Pyodide, its trimmed standard library, and the engine's wheel from its lock file.
//   node tests/pyodide/run_cases.mjs REQUEST_JSON
// REQUEST_JSON is {"pyodide": folder, "stdlib": zip, "lock": lock file, "package": name,
//   "rules": "<rules JSON text>", "cases": [{"name": ..., "answers": "<answers JSON text>"}]}.
// Prints {"platform": ..., "version": ..., "loaded": {...}, "results": {name: result}} on stdout; Python's own output
// goes to stderr.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const requestPath = process.argv[2];
if (!requestPath) {
  console.error("usage: node tests/pyodide/run_cases.mjs REQUEST_JSON");
  process.exit(2);
}
const request = JSON.parse(await readFile(requestPath, "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(request.pyodide, "pyodide.mjs")).href);
const toStderr = (line) => process.stderr.write(`${line}\n`);
// An uncaught error would print the line it came from, all 1.2 MB of minified pyodide.asm.mjs, and a pipe can lose
// the end of that, where Python's message is: print the message only.
try {
  const pyodide = await loadPyodide({
    indexURL: request.pyodide + path.sep,
    stdLibURL: request.stdlib,
    lockFileContents: await readFile(request.lock, "utf8"),
    packageBaseUrl: path.dirname(request.lock) + path.sep,
    packages: [request.package],
    stdout: toStderr,
    stderr: toStderr,
  });
  const evaluateJson = pyodide.pyimport(request.package).evaluate_json;

  const results = {};
  for (const { name, answers } of request.cases) {
    results[name] = JSON.parse(evaluateJson(answers, request.rules));
  }
  const sys = pyodide.pyimport("sys");
  process.stdout.write(JSON.stringify({
    platform: sys.platform, version: sys.version, path: sys.path.toJs(), loaded: pyodide.loadedPackages, results,
  }));
} catch (error) {
  process.stderr.write(`${error.message ?? error}\n`);
  process.exitCode = 1;
}

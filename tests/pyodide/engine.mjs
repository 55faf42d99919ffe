// The self-check engine under Pyodide in Node, loaded as the browser's worker loads it: Pyodide, the trimmed standard
// library, and the engine's wheel from its lock file. It boots once, then answers one request per line.
//   node tests/pyodide/engine.mjs RUNTIME_JSON
// RUNTIME_JSON is {"pyodide": folder, "stdlib": zip, "lock": lock file, "package": name}. Once booted, it prints one
// line, {"platform": ..., "version": ..., "path": [...], "loaded": {...}}; then for each line of standard input,
// {"answers": "<answers JSON text>", "rules": "<rules JSON text>", "language": "en"}, it prints one line: the
// engine's evaluate_json result, or {"exception": message} if Python raised. Python's own output goes to stderr.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

if (!process.argv[2]) {
  console.error("usage: node tests/pyodide/engine.mjs RUNTIME_JSON");
  process.exit(2);
}
const runtime = JSON.parse(process.argv[2]);
const toStderr = (line) => process.stderr.write(`${line}\n`);
// An uncaught error would print the line it came from, all 1.2 MB of minified pyodide.asm.mjs, and a pipe can lose
// the end of that, where Python's message is: print the message only.
let evaluateJson;
try {
  const { loadPyodide } = await import(pathToFileURL(path.join(runtime.pyodide, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: runtime.pyodide + path.sep,
    stdLibURL: runtime.stdlib,
    lockFileContents: await readFile(runtime.lock, "utf8"),
    packageBaseUrl: path.dirname(runtime.lock) + path.sep,
    packages: [runtime.package],
    stdout: toStderr,
    stderr: toStderr,
  });
  evaluateJson = pyodide.pyimport(runtime.package).evaluate_json;
  const sys = pyodide.pyimport("sys");
  process.stdout.write(`${JSON.stringify({
    platform: sys.platform, version: sys.version, path: sys.path.toJs(), loaded: pyodide.loadedPackages,
  })}\n`);
} catch (error) {
  process.stderr.write(`${error.message ?? error}\n`);
  process.exit(1);
}

for await (const line of createInterface({ input: process.stdin })) {
  const { answers, rules, language } = JSON.parse(line);
  let reply;
  try {
    reply = evaluateJson(answers, rules, language);
  } catch (error) {
    reply = JSON.stringify({ exception: `${error.message ?? error}` });
  }
  process.stdout.write(`${reply}\n`);
}

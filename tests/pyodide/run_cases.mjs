// Evaluate golden cases with the self-check engine under Pyodide, as the browser worker does.
//   node tests/pyodide/run_cases.mjs ARCHIVE_ZIP CASES_JSON
// CASES_JSON is {"rules": "<rules JSON text>", "language": "en" (the default) or "zh-Hant",
//   "cases": [{"name": ..., "answers": "<answers JSON text>"}]}.
// Prints {"platform": ..., "version": ..., "results": {name: result}} on stdout; Python's own output goes to stderr.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const [archivePath, casesPath] = process.argv.slice(2);
if (!archivePath || !casesPath) {
  console.error("usage: node tests/pyodide/run_cases.mjs ARCHIVE_ZIP CASES_JSON");
  process.exit(2);
}

const toStderr = (line) => process.stderr.write(`${line}\n`);
const pyodide = await loadPyodide({ stdout: toStderr, stderr: toStderr });
// A Node Buffer is not a typed array Pyodide knows; a plain Uint8Array is.
pyodide.unpackArchive(new Uint8Array(await readFile(archivePath)), "zip");
const selfcheck = pyodide.pyimport("selfcheck");

const { rules, language = "en", cases } = JSON.parse(await readFile(casesPath, "utf8"));
const results = {};
for (const { name, answers } of cases) {
  results[name] = JSON.parse(selfcheck.evaluate_json(answers, rules, language));
}
const sys = pyodide.pyimport("sys");
process.stdout.write(JSON.stringify({ platform: sys.platform, version: sys.version, results }));

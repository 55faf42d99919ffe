// One start of the self-check's runtime under Node, timed by the main thread's CPU time (Linux's schedstat), which a
// busy machine does not inflate as it does wall time. Run by bench/selfcheck_startup.py.
//   node bench/startup/boot.mjs REQUEST_JSON
// REQUEST_JSON is {"pyodide": folder, "stdlib": zip, "lock": lock file, "wheel": wheel, "package": name,
//   "rules": rules JSON text, "install": "loader" | "unzip"}.
// "loader" loads the wheel as the browser's worker does (`packages`, Pyodide's package loader); "unzip" starts Python
// without it and unzips the wheel into site-packages with the standard library's zipfile.
// Prints {"runtime": ms, "python": ms, "import": ms, "evaluate": ms, "wall": ms, "modules": n}: main-thread CPU ms from
// the call to the file system hook (the runtime compiled and instantiated), to Python started (loadPyodide and the
// engine installed), to the engine imported, to one evaluation; wall is the whole, in ms.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const request = JSON.parse(await readFile(process.argv[2], "utf8"));
const cpu = () => Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
const { loadPyodide } = await import(pathToFileURL(path.join(request.pyodide, "pyodide.mjs")).href);
const quiet = () => {};

const wall = performance.now();
const marks = [cpu()];
const pyodide = await loadPyodide({
  indexURL: request.pyodide + path.sep,
  stdLibURL: request.stdlib,
  lockFileContents: await readFile(request.lock, "utf8"),
  packageBaseUrl: path.dirname(request.lock) + path.sep,
  packages: request.install === "loader" ? [request.package] : [],
  fsInit: async () => marks.push(cpu()),
  stdout: quiet,
  stderr: quiet,
});
if (request.install === "unzip") {
  pyodide.FS.writeFile("/tmp/engine.whl", await readFile(request.wheel));
  // Only site-packages' own finder forgets what it listed: importlib.invalidate_caches() would import
  // importlib.metadata.
  pyodide.runPython(`
import site, sys, zipfile
packages = site.getsitepackages()[0]
zipfile.ZipFile("/tmp/engine.whl").extractall(packages)
sys.path_importer_cache[packages].invalidate_caches()
`);
}
marks.push(cpu());
const evaluateJson = pyodide.pyimport(request.package).evaluate_json;
marks.push(cpu());
evaluateJson("{}", request.rules, "en");
marks.push(cpu());
const [start, runtime, python, imported, evaluated] = marks;
process.stdout.write(JSON.stringify({
  runtime: runtime - start, python: python - runtime, import: imported - python, evaluate: evaluated - imported,
  wall: performance.now() - wall, modules: pyodide.runPython("import sys; len(sys.modules)"),
}));

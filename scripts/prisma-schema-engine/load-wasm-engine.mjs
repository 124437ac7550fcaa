import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import v8 from "node:v8";

const require = createRequire(import.meta.url);

let panicMessage;
let gluePromise;

/** The message of the last Rust panic inside the Wasm engine (its panic hook reports it here). */
export function takePanicMessage() {
  const message = panicMessage;
  panicMessage = undefined;
  return message;
}

/**
 * Instantiates `@prisma/schema-engine-wasm` by hand: its entry point imports the `.wasm` file
 * as an ES module, which Node 20 only allows behind --experimental-wasm-modules.
 */
export function loadWasmSchemaEngine() {
  gluePromise ??= instantiate();
  return gluePromise;
}

async function instantiate() {
  // Each engine process lives for one CLI command: baseline (Liftoff) code is enough, and
  // skipping TurboFan's tier-up halves the CPU a command costs.
  v8.setFlagsFromString("--liftoff-only");
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panicMessage = message) };
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(gluePath);
  const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

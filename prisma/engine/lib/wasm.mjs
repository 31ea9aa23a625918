// Loads Prisma's WASM schema engine (the one shipped in prisma/build, which matches the CLI
// version), driven by the wasm-bindgen glue of @prisma/schema-engine-wasm.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

class PanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  }
}

let loaded;

function wasmPath() {
  const candidates = [];
  try {
    candidates.push(path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"));
  } catch {
    // prisma not resolvable from here; fall through
  }
  try {
    candidates.push(path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm"));
  } catch {
    // idem
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("schema_engine_bg.wasm not found (is the prisma package installed?)");
  return found;
}

/** Instantiates the engine module once per process; returns the glue module (SchemaEngine, version, ...). */
export async function loadWasmEngine() {
  if (loaded) return loaded;
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const module = new WebAssembly.Module(readFileSync(wasmPath()));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = glue;
  return glue;
}

export function panicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.get?.() ?? "";
}

export function isWasmPanic(error) {
  return error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError";
}

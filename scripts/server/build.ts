/**
 * Bundles server.ts and the edge it starts (lib/server and what it imports) into SERVER_BUNDLE, after `next build`.
 * Packages stay external and load from node_modules as they would under tsx, except next-auth and @auth/*: their
 * ESM files import `next/server` without an extension, which only a bundler (or tsx's resolver) accepts. The
 * dynamic import of lib/server/start stays a chunk of its own, so Next's node environment still loads first.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { SERVER_BUNDLE } from "./entry";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUNDLED_PACKAGES = /^(next-auth|@auth\/)/;

/** Bare imports stay external; `next/<subpath>` gets the `.js` Node's ESM resolver needs (next has no exports map). */
const externals: Plugin = {
  name: "externals",
  setup(onBuild) {
    onBuild.onResolve({ filter: /^next\/[^.]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
    onBuild.onResolve({ filter: /^(@[^/]+\/)?[a-z0-9][^:]*$/ }, (args) =>
      BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

const outdir = path.join(ROOT, path.dirname(SERVER_BUNDLE));
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { server: "server.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // ESM has no require; bundled code written as CommonJS may call it.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  plugins: [externals],
  logLevel: "warning",
});
console.log(`server bundle: ${path.relative(ROOT, path.join(outdir, "server.mjs"))}`);

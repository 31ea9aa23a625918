/**
 * `npm run forecast:wasm`: compiles lib/forecast/draw.wat (the simulation's draw loop) with wabt and writes the
 * module's bytes into lib/forecast/draw-module.ts, which the app loads (no build step or file to find at run time).
 */
import { readFileSync, writeFileSync } from "node:fs";
import wabt from "wabt";

const source = new URL("../lib/forecast/draw.wat", import.meta.url);
const target = new URL("../lib/forecast/draw-module.ts", import.meta.url);

const parsed = (await wabt()).parseWat("draw.wat", readFileSync(source, "utf8"));
const { buffer } = parsed.toBinary({});
parsed.destroy();
writeFileSync(
  target,
  `// Generated from draw.wat by \`npm run forecast:wasm\`: edit draw.wat, then run it.\nexport const DRAW_MODULE_BASE64 =\n  "${Buffer.from(buffer).toString("base64")}";\n`,
);
console.log(`draw.wat → draw-module.ts: ${buffer.length} bytes`);

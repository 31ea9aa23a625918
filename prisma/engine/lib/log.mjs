// Logging for the replacement schema engine. stdout carries only JSON-RPC, so every log line goes
// to stderr, in the JSON shape of the native engine's tracing logger (the Prisma CLI parses these
// lines: `fields.message` of ERROR lines is what it shows when the engine exits abnormally).
const LEVELS = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

function threshold() {
  const env = (process.env.PRISMA_ENGINE_LOG ?? process.env.RUST_LOG ?? "info").toUpperCase();
  const m = /(TRACE|DEBUG|INFO|WARN|ERROR|OFF)/.exec(env);
  if (!m) return LEVELS.INFO;
  return m[1] === "OFF" ? 99 : LEVELS[m[1]];
}

const min = threshold();

export function emit(level, fields, target = "schema_engine::replacement") {
  if (LEVELS[level] < min && level !== "ERROR") return;
  const line = JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target });
  try {
    process.stderr.write(line + "\n");
  } catch {
    // stderr closed: nothing sensible left to do
  }
}

export const log = {
  debug: (message) => emit("DEBUG", { message }),
  info: (message) => emit("INFO", { message }),
  warn: (message) => emit("WARN", { message }),
  error: (message) => emit("ERROR", { message }),
};

/** Keeps stray console output of libraries off stdout. */
export function guardStdout() {
  const toStderr = (...args) => log.debug(args.map((a) => (typeof a === "string" ? a : String(a))).join(" "));
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = (...args) => log.warn(args.map(String).join(" "));
  console.error = (...args) => log.warn(args.map(String).join(" "));
  // Node prints warnings as plain text on stderr, where the CLI expects JSON lines.
  process.emitWarning = (warning, ...rest) => {
    const type = typeof rest[0] === "string" ? rest[0] : (rest[0]?.type ?? "Warning");
    log.debug(`${type}: ${warning instanceof Error ? warning.message : String(warning)}`);
  };
}

#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary, for machines where it cannot be
// downloaded. Point PRISMA_SCHEMA_ENGINE_BINARY at this file (scripts/prisma.mjs does that).
//
// It speaks the native binary's protocol towards the Prisma CLI:
//   schema-engine --version
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]... [--datasource '{json}']   -> JSON-RPC 2.0 on stdio
// and delegates the real work to Prisma's own WASM schema engine, connected to PostgreSQL through
// @prisma/adapter-pg. Shadow databases are temporary databases on the datasource's server (or the
// configured shadowDatabaseUrl, wiped first); they are dropped before each response is sent.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { inspect } from "node:util";

import { emit, guardStdout, log } from "./lib/log.mjs";
import {
  PgMigrationAdapterFactory,
  canConnect,
  clearLastDatabaseError,
  lastDatabaseError,
  createDatabase,
  describeDatabase,
  dropDatabase,
  mapPgError,
  parseUrl,
  serverVersion,
  userError,
} from "./lib/postgres.mjs";
import { isWasmPanic, loadWasmEngine, panicMessage } from "./lib/wasm.mjs";

guardStdout();
const require = createRequire(import.meta.url);
// Not a direct dependency of the project: take the copy @prisma/adapter-pg uses.
const { bindMigrationAwareSqlAdapterFactory } = require(
  require.resolve("@prisma/driver-adapter-utils", { paths: [path.dirname(require.resolve("@prisma/adapter-pg"))] }),
);

function enginesHash() {
  try {
    return require("@prisma/engines-version/package.json").prisma.enginesVersion;
  } catch {
    return "0000000000000000000000000000000000000000";
  }
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, cli: null, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`Missing value for ${a}`);
      return argv[++i];
    };
    if (a === "--version" || a === "-V") args.version = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--datamodels" || a === "-d") args.datamodels.push(value());
    else if (a.startsWith("--datamodels=")) args.datamodels.push(a.slice("--datamodels=".length));
    else if (a === "--datasource") args.datasource = JSON.parse(value());
    else if (a.startsWith("--datasource=")) args.datasource = JSON.parse(a.slice("--datasource=".length));
    else if (a === "--enabled-preview-features" || a === "--extension-types") value();
    else if (a === "cli") {
      args.cli = argv[i + 1] ?? null;
      break;
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// `cli` subcommands: plain commands, errors as JSON log lines on stderr (first line is ignored).
// ---------------------------------------------------------------------------------------------

async function runCliCommand(command, datasource) {
  emit("INFO", { message: "Starting schema engine CLI", git_hash: enginesHash() }, "schema_engine");
  try {
    const url = datasource.url;
    if (!url) throw userError("P1012", "The datasource URL is missing. Set DATABASE_URL (read by prisma.config.ts).");
    let message;
    if (command === "can-connect-to-database") {
      await canConnect(url);
      message = "Connection successful";
    } else if (command === "create-database") {
      const name = await createDatabase(url);
      message = `Database '${name}' was successfully created.`;
    } else if (command === "drop-database") {
      await dropDatabase(url);
      message = "The database was successfully dropped.";
    } else {
      throw new Error(`Unknown cli subcommand: ${command}`);
    }
    emit("INFO", { message }, "schema_engine::commands");
    return 0;
  } catch (error) {
    const mapped = error.userFacing ? error : mapPgError(error, datasource.url);
    emit("ERROR", { is_panic: false, error_code: mapped.userFacing?.error_code ?? "", message: mapped.message }, "schema_engine::logger");
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server
// ---------------------------------------------------------------------------------------------

class EngineServer {
  constructor({ datamodels, datasource }) {
    this.datamodelPaths = datamodels;
    this.datasource = datasource ?? {};
    this.engine = null;
    this.factory = null;
    this.queue = Promise.resolve();
    this.pendingOutgoing = new Map();
    this.nextOutgoingId = 1;
    this.fatal = false;
  }

  send(message) {
    process.stdout.write(JSON.stringify(message) + "\n");
  }

  /** A request from the engine to the CLI (only `print`), answered on stdin. */
  callClient(method, params) {
    const id = `engine-${this.nextOutgoingId++}`;
    return new Promise((resolve, reject) => {
      this.pendingOutgoing.set(id, { resolve, reject });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  mainUrl() {
    return this.datasource.url || "";
  }

  async getEngine({ mainDatabaseOptional = false } = {}) {
    if (this.engine) return this.engine;
    const glue = await loadWasmEngine();
    const datamodels = this.datamodelPaths.length ? this.datamodelPaths.map((p) => [p, readFileSync(p, "utf8")]) : undefined;
    this.factory = new PgMigrationAdapterFactory({
      url: this.mainUrl(),
      shadowDatabaseUrl: this.datasource.shadowDatabaseUrl,
      mainDatabaseOptional,
    });
    this.boundFactory = bindMigrationAwareSqlAdapterFactory(this.factory);
    // The WASM engine logs tracing events as JSON strings: pass them on in the native format.
    const engineLog = (line) => {
      try {
        const event = typeof line === "string" ? JSON.parse(line) : line;
        if (event && typeof event.level === "string" && event.fields) {
          emit(event.level, event.fields, event.target ?? "schema_engine_wasm");
          return;
        }
      } catch {
        // not JSON: log as is
      }
      log.debug(String(line).trimEnd());
    };
    try {
      this.engine = await glue.SchemaEngine.new({ datamodels }, engineLog, this.boundFactory);
    } catch (error) {
      throw this.translateError(error);
    }
    return this.engine;
  }

  /** Turns whatever the WASM engine or our code threw into an Error carrying `rpcData`. */
  translateError(error) {
    if (error?.rpcData) return error;
    log.debug(`engine error: ${inspect(error, { depth: 3 })}`);
    const wrap = (data) => {
      const e = new Error(data.message);
      e.rpcData = data;
      return e;
    };
    if (error?.userFacing) return wrap(error.userFacing);
    if (isWasmPanic(error)) {
      this.fatal = true;
      const message = panicMessage() || String(error?.message ?? error);
      return wrap({ is_panic: true, message, backtrace: error?.stack ?? "" });
    }
    // An exception thrown inside the driver adapter is parked in the registry; the engine only
    // sees its id.
    const registry = this.boundFactory?.errorRegistry;
    const idMatch = /External error id#(\d+)|GenericJs\D{0,12}(\d+)/i.exec(String(error?.message ?? ""));
    if (registry && idMatch) {
      const original = registry.consumeError(Number(idMatch[1] ?? idMatch[2]))?.error;
      if (original) return this.translateError(mapPgError(original, this.mainUrl()));
    }
    const text = String(error?.message ?? "");
    const failed = /apply_migration::apply_script\s+with migration_name="([^"]+)"[\s\S]*apply_migrations::Applying migration/.exec(text);
    if (failed) {
      // Same message as the native engine's P3018 (the WASM engine only says "external connector error").
      const db = lastDatabaseError();
      const summary = text.split(/\n\s+0: /)[0].replace(/^external connector error\n?/, "");
      const dbText = db
        ? [`ERROR: ${db.message}`, db.detail && `DETAIL: ${db.detail}`, db.hint && `HINT: ${db.hint}`].filter(Boolean).join("\n")
        : summary;
      const message =
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
        `Migration name: ${failed[1]}\n\n` +
        (db ? `Database error code: ${db.code}\n\n` : "") +
        `Database error:\n${dbText}\n`;
      return wrap({
        is_panic: false,
        message,
        meta: { migration_name: failed[1], database_error_code: db?.code ?? "", database_error: dbText },
        error_code: "P3018",
      });
    }
    if (error && typeof error === "object" && "code" in error && typeof error.code === "string" && /^P\d{4}$/.test(error.code)) {
      return wrap({ is_panic: false, message: error.message, meta: error.meta ?? {}, error_code: error.code });
    }
    const message = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
    return wrap({ is_panic: false, message: message || "Unknown error in the schema engine", meta: {} });
  }

  /**
   * The WASM engine builds its database connector without the schema's preview features, so
   * introspection of the main and shadow databases leaves out what `partialIndexes` (and other
   * preview features) add: partial indexes would then be re-created by every `db push` and every
   * new migration. A diff whose source is `schemaDatasource` is the one call that sets the preview
   * features on that connector, and they stay set; so run such a (cheap) diff once, first.
   */
  async armPreviewFeatures(engine, params) {
    if (this.armed) return;
    const files = params?.schema?.files?.length
      ? params.schema.files
      : this.datamodelPaths.map((p) => ({ path: p, content: readFileSync(p, "utf8") }));
    if (!files.some((f) => /previewFeatures/.test(f.content))) {
      this.armed = true;
      return;
    }
    try {
      await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: process.cwd() },
        to: { tag: "empty" },
        script: false,
        exitCode: null,
        filters: params?.filters ?? { externalTables: [], externalEnums: [] },
      });
      this.armed = true;
      log.debug("Preview features set on the database connector");
    } catch (error) {
      // The real call will report whatever is wrong (unreachable database, invalid schema, ...).
      log.debug(`Could not set preview features on the connector: ${error?.message ?? error}`);
    }
  }

  /**
   * The WASM engine's createMigration and evaluateDataLoss take the schema of the migrations
   * directory only from its migration schema cache, keyed by the list of migrations. On a miss
   * they cannot build it: unlike devDiagnostic, diagnoseMigrationHistory and diff, these two calls
   * are not given the adapter factory, so there is no shadow database to replay the migrations
   * on ("PostgreSQL shadow DB must be provided through an external factory"). Only
   * diagnoseMigrationHistory/devDiagnostic fill that cache, and only for the migrations that are
   * already applied to the database. `migrate dev` runs devDiagnostic, then applies the pending
   * migrations, then asks for evaluateDataLoss and createMigration with the full list. So the cache
   * misses whenever a migration was still pending at devDiagnostic time (a fresh database, a
   * migration made with --create-only). On that error, fill the cache with a
   * diagnoseMigrationHistory on the same list (everything is applied by now, so it caches the
   * whole list, using a temporary shadow database), then try again.
   */
  async withMigrationsSchema(engine, params, call) {
    try {
      return await call();
    } catch (error) {
      if (!params?.migrationsList || !/shadow DB must be provided through an external factory/i.test(String(error?.message ?? "")))
        throw error;
      log.debug("Migrations schema not cached by the WASM engine; computing it with diagnoseMigrationHistory");
    }
    const diagnostic = await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters ?? { externalTables: [], externalEnums: [] },
    });
    try {
      return await call();
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/i.test(String(error?.message ?? ""))) throw error;
      // Still not cached: some migrations are not (successfully) applied to the database.
      const pending = diagnostic?.history?.unappliedMigrationNames ?? [];
      const failed = diagnostic?.failedMigrationNames ?? [];
      const detail = [pending.length && `not applied: ${pending.join(", ")}`, failed.length && `failed: ${failed.join(", ")}`]
        .filter(Boolean)
        .join("; ");
      throw new Error(
        "This schema engine (Prisma's WASM engine) can compute the schema of the migrations directory only when every migration in it is applied to the database" +
          (detail ? `, and some are not (${detail})` : "") +
          ". Apply them (`prisma migrate deploy`, or `prisma migrate resolve` for failed ones) and try again.",
      );
    }
  }

  datasourceUrlFrom(params) {
    const ds = params?.datasource;
    if (ds?.tag === "ConnectionString" && ds.url) return ds.url;
    return this.mainUrl();
  }

  async dispatch(method, params) {
    switch (method) {
      // Implemented here with node-postgres: not (or not usefully) available in the WASM engine.
      case "createDatabase": {
        const url = this.datasourceUrlFrom(params);
        return { databaseName: await createDatabase(url) };
      }
      case "ensureConnectionValidity": {
        await canConnect(this.datasourceUrlFrom(params));
        return {};
      }
      case "getDatabaseDescription":
        return describeDatabase(this.mainUrl());
      case "getDatabaseVersion": {
        try {
          const engine = await this.getEngine();
          return await engine.version(params ?? null);
        } catch (error) {
          log.debug(`engine.version failed (${error?.message}); asking the server directly`);
          return serverVersion(this.datasourceUrlFrom(params));
        }
      }
      case "dropDatabase":
        await dropDatabase(params?.url ?? this.mainUrl());
        return {};
      case "debugPanic": {
        const engine = await this.getEngine();
        engine.debugPanic();
        return {};
      }
      case "diff": {
        // Diffs between migrations / schema files / empty need no main database (only its server,
        // for the temporary shadow database): let them run even if that database does not exist yet.
        const needsMainDb = [params?.from, params?.to].some((t) => t?.tag === "schemaDatasource" || t?.tag === "url");
        const engine = await this.getEngine({ mainDatabaseOptional: !needsMainDb });
        const result = await engine.diff(params);
        let text = result?.stdout ?? "";
        if (text !== "") {
          // Same as the native engine: `print` gets the text without its final newline.
          if (text.endsWith("\n")) text = text.slice(0, -1);
          await this.callClient("print", { content: text });
        }
        return { exitCode: result?.exitCode ?? 0, stdout: null };
      }
      case "createMigration":
      case "evaluateDataLoss": {
        const engine = await this.getEngine();
        await this.armPreviewFeatures(engine, params);
        const result = await this.withMigrationsSchema(engine, params, () => engine[method](params));
        return result === undefined ? {} : result;
      }
      case "devDiagnostic":
      case "diagnoseMigrationHistory":
      case "introspect":
      case "schemaPush": {
        const engine = await this.getEngine();
        await this.armPreviewFeatures(engine, params);
        const result = await engine[method](params);
        return result === undefined ? {} : result;
      }
      case "applyMigrations":
      case "dbExecute":
      case "introspectSql":
      case "markMigrationApplied":
      case "markMigrationRolledBack":
      case "reset": {
        const engine = await this.getEngine();
        const result = await engine[method](params);
        return result === undefined ? {} : result;
      }
      default: {
        const e = new Error(`Method not found: ${method}`);
        e.rpcCode = -32601;
        throw e;
      }
    }
  }

  async handleRequest(msg) {
    const { id, method, params } = msg;
    const started = Date.now();
    this.current = { id, method };
    clearLastDatabaseError();
    let response;
    try {
      const result = await this.dispatch(method, params);
      response = { jsonrpc: "2.0", id, result: result ?? null };
    } catch (error) {
      if (error?.rpcCode) {
        response = { jsonrpc: "2.0", id, error: { code: error.rpcCode, message: error.message } };
      } else {
        const translated = this.translateError(error);
        log.debug(`${method} failed: ${translated.message}`);
        response = {
          jsonrpc: "2.0",
          id,
          error: {
            code: 4466,
            // For panics the CLI shows this message; otherwise it shows data.message.
            message: translated.rpcData.is_panic ? translated.rpcData.message : "An error happened. Check the data field for details.",
            data: translated.rpcData,
          },
        };
      }
    }
    // No temporary shadow database may outlive the request that needed it.
    await this.factory?.cleanupShadows().catch((e) => log.error(`shadow cleanup failed: ${e.message}`));
    log.debug(`${method} done in ${Date.now() - started} ms`);
    if (this.current === null) return; // already answered by the fatal-error handler
    this.current = null;
    if (id !== undefined && id !== null) this.send(response);
    if (this.fatal) {
      await this.shutdown(101);
    }
  }

  onLine(line) {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      this.send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (msg && msg.method === undefined && (msg.result !== undefined || msg.error !== undefined)) {
      const pending = this.pendingOutgoing.get(msg.id);
      if (pending) {
        this.pendingOutgoing.delete(msg.id);
        if (msg.error) pending.reject(new Error(msg.error.message ?? "print failed"));
        else pending.resolve(msg.result);
      }
      return;
    }
    if (!msg || typeof msg.method !== "string") {
      this.send({ jsonrpc: "2.0", id: msg?.id ?? null, error: { code: -32600, message: "Invalid Request" } });
      return;
    }
    this.queue = this.queue.then(() => this.handleRequest(msg));
  }

  async shutdown(code = 0) {
    if (this.shuttingDown) return this.shuttingDown;
    this.shuttingDown = (async () => {
      const timer = setTimeout(() => process.exit(code === 0 ? 1 : code), 10_000);
      timer.unref();
      try {
        await this.factory?.cleanup();
      } catch (error) {
        log.error(`cleanup failed: ${error.message}`);
      }
      try {
        this.engine?.free();
      } catch {
        // already freed / poisoned by a panic
      }
      process.exit(code);
    })();
    return this.shuttingDown;
  }

  run() {
    emit("INFO", { message: "Starting schema engine RPC server", git_hash: enginesHash() }, "schema_engine");
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    rl.on("line", (line) => this.onLine(line));
    rl.on("close", () => {
      // Nobody is left to answer our own requests.
      for (const [id, pending] of this.pendingOutgoing) {
        this.pendingOutgoing.delete(id);
        pending.reject(new Error("The client closed stdin before answering"));
      }
      // Finish what was asked, then clean up and exit 0 (the CLI closes stdin to stop us).
      this.queue.then(() => this.shutdown(0));
    });
    const onSignal = (signal) => {
      log.info(`Received ${signal}`);
      // In-flight work is abandoned, but temporary shadow databases are still dropped.
      this.shutdown(0);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
    process.on("SIGHUP", onSignal);
    // A Rust panic inside a callback of the WASM engine surfaces here rather than as a rejection
    // of the pending call: answer that call like the native engine (is_panic) and exit 101.
    const onFatal = (error) => {
      const panic = isWasmPanic(error);
      const message = panic ? panicMessage() || String(error?.message ?? error) : String(error?.stack ?? error);
      emit("ERROR", { is_panic: panic, message, backtrace: error?.stack ?? "" }, "schema_engine::replacement");
      const current = this.current;
      if (current && current.id !== undefined && current.id !== null) {
        this.current = null;
        this.send({
          jsonrpc: "2.0",
          id: current.id,
          error: {
            code: 4466,
            message: panic ? message : "An error happened. Check the data field for details.",
            data: { is_panic: panic, message, backtrace: error?.stack ?? "" },
          },
        });
      }
      this.shutdown(panic ? 101 : 1);
    };
    process.on("uncaughtException", onFatal);
    process.on("unhandledRejection", (reason) => {
      if (isWasmPanic(reason)) onFatal(reason);
      else log.warn(`Unhandled rejection: ${reason?.stack ?? reason}`);
    });
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    log.error(error.message);
    process.exit(1);
  }
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${enginesHash()}\n`);
    return;
  }
  if (args.help) {
    process.stderr.write(
      "schema-engine (Node/WASM replacement)\n\nUSAGE:\n  schema-engine [--datamodels <file>]... [--datasource <json>] [cli <can-connect-to-database|create-database|drop-database>]\n  schema-engine --version\n",
    );
    return;
  }
  if (args.cli) {
    process.exitCode = await runCliCommand(args.cli, args.datasource);
    return;
  }
  if (args.datasource?.url) {
    try {
      parseUrl(args.datasource.url);
    } catch (error) {
      log.warn(error.message);
    }
  }
  new EngineServer(args).run();
}

main().catch((error) => {
  log.error(error?.stack ?? String(error));
  process.exit(1);
});

// PostgreSQL helpers for the replacement schema engine: connection-string handling,
// Prisma-style user-facing errors, database create/drop, and a driver adapter factory
// (@prisma/adapter-pg) with the workarounds the WASM schema engine needs.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

import pg from "pg";

import { log } from "./log.mjs";

const require = createRequire(import.meta.url);

/** Parses a postgres connection string into the parts the engine needs. */
export function parseUrl(url) {
  if (typeof url !== "string" || url.trim() === "") {
    throw userError(
      "P1012",
      "The datasource URL is empty. Set DATABASE_URL (read by prisma.config.ts) to a postgresql:// connection string.",
    );
  }
  let u;
  try {
    u = new URL(url);
  } catch {
    throw userError("P1013", "The provided database string is invalid. The connection string is not a valid URL.");
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw userError(
      "P1013",
      `The provided database string is invalid. This replacement schema engine only supports postgresql:// URLs, got \`${u.protocol}\`.`,
    );
  }
  const hostParam = u.searchParams.get("host");
  const host = u.hostname ? decodeURIComponent(u.hostname).replace(/^\[(.+)\]$/, "$1") : hostParam || "localhost";
  const port = u.port || u.searchParams.get("port") || "5432";
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres";
  const schema = u.searchParams.get("schema") || undefined;
  return { url, host, port, database, schema, user: decodeURIComponent(u.username) };
}

/** Same server and credentials, other database. Keeps every query parameter except `schema`. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}

/** The connection string handed to node-postgres: Prisma's `schema` parameter is not a libpq one. */
export function pgConnectionString(url) {
  const u = new URL(url);
  u.searchParams.delete("schema");
  // Prisma URL parameters that mean nothing to node-postgres.
  for (const p of ["connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"]) {
    u.searchParams.delete(p);
  }
  return u.toString();
}

export function quoteIdent(name) {
  return '"' + String(name).replace(/"/g, '""') + '"';
}

/** An error shaped like a Prisma user-facing error (becomes the JSON-RPC error's `data`). */
export function userError(code, message, meta = {}) {
  const err = new Error(message);
  err.name = "UserFacingError";
  err.userFacing = { is_panic: false, message, meta, error_code: code };
  return err;
}

/** Maps node-postgres connection errors to the Prisma error codes the CLI knows (P1000, P1001, P1003, ...). */
export function mapPgError(error, url) {
  if (error?.userFacing) return error;
  let info;
  try {
    info = parseUrl(url);
  } catch {
    info = { host: "?", port: "?", database: "?", user: "?" };
  }
  const where = `${info.host}:${info.port}`;
  const code = error?.code;
  const netCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);
  if (netCodes.has(code) || /timeout expired|Connection terminated unexpectedly/i.test(error?.message ?? "")) {
    return userError(
      "P1001",
      `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.`,
      { database_host: info.host, database_port: info.port },
    );
  }
  if (code === "3D000") {
    return userError("P1003", `Database \`${info.database}\` does not exist on the database server at \`${where}\`.`, {
      database_name: info.database,
      database_host: info.host,
      database_port: info.port,
    });
  }
  if (code === "28P01" || code === "28000") {
    return userError(
      "P1000",
      `Authentication failed against database server, the provided database credentials for \`${info.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${where}\`.`,
      { database_user: info.user, database_host: info.host, database_port: info.port },
    );
  }
  if (code === "42501") {
    return userError("P1010", `User \`${info.user}\` was denied access on the database \`${info.database}\``, {
      database_user: info.user,
      database_name: info.database,
    });
  }
  const e = new Error(error?.message ? `${error.message}${code ? ` (PostgreSQL error ${code})` : ""}` : String(error));
  e.name = "SchemaConnectorError";
  return e;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: pgConnectionString(url), connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw mapPgError(error, url);
  }
  try {
    return await fn(client);
  } catch (error) {
    throw mapPgError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `fn` on a connection to some database of the same server (for CREATE/DROP DATABASE). */
async function withAdminClient(url, fn) {
  const own = parseUrl(url).database;
  const candidates = [...new Set([own, "postgres", "template1"])];
  let lastError;
  for (const db of candidates) {
    try {
      return await withClient(withDatabase(url, db), fn);
    } catch (error) {
      lastError = error;
      if (error?.userFacing?.error_code !== "P1003") throw error;
    }
  }
  throw lastError;
}

export async function canConnect(url) {
  await withClient(url, (c) => c.query("SELECT 1"));
}

export async function serverVersion(url) {
  return withAdminClient(url, async (c) => (await c.query("SELECT version() AS v")).rows[0].v);
}

export async function createDatabase(url) {
  const { database, host, port } = parseUrl(url);
  await withAdminClient(url, async (c) => {
    const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount > 0) {
      throw userError("P1009", `Database \`${database}\` already exists on the database server at \`${host}:${port}\``, {
        database_name: database,
        database_host: host,
        database_port: port,
      });
    }
    await c.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
  return database;
}

export async function dropDatabase(url) {
  const { database } = parseUrl(url);
  const target = withDatabase(url, database);
  const candidates = ["postgres", "template1"].map((db) => withDatabase(target, db));
  let lastError;
  for (const admin of candidates) {
    try {
      return await withClient(admin, (c) => dropDatabaseWith(c, database));
    } catch (error) {
      lastError = error;
      if (error?.userFacing?.error_code !== "P1003") throw error;
    }
  }
  throw lastError;
}

async function dropDatabaseWith(client, database) {
  const v = Number((await client.query("SHOW server_version_num")).rows[0].server_version_num);
  const force = v >= 130000 ? " WITH (FORCE)" : "";
  if (!force) {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
  }
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}${force}`);
}

/** A short human-readable description of the live schema (the WASM engine has no getDatabaseDescription). */
export async function describeDatabase(url) {
  const schema = parseUrl(url).schema ?? "public";
  return withClient(url, async (c) => {
    const tables = await c.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
      [schema],
    );
    const enums = await c.query(
      "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = $1 ORDER BY 1",
      [schema],
    );
    return JSON.stringify({ schema, tables: tables.rows.map((r) => r.table_name), enums: enums.rows.map((r) => r.typname) });
  });
}

/** Drops every non-system schema of a database (used on an explicitly configured shadow database). */
export async function wipeDatabase(url) {
  await withClient(url, async (c) => {
    const { rows } = await c.query("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'");
    for (const { nspname } of rows) await c.query(`DROP SCHEMA IF EXISTS ${quoteIdent(nspname)} CASCADE`);
    await c.query("CREATE SCHEMA IF NOT EXISTS public");
  });
}

function sameDatabase(a, b) {
  const x = parseUrl(a);
  const y = parseUrl(b);
  const local = (h) => (["localhost", "127.0.0.1", "::1"].includes(h) ? "localhost" : h);
  return local(x.host) === local(y.host) && x.port === y.port && x.database === y.database;
}

// ---------------------------------------------------------------------------------------------
// Driver adapter
// ---------------------------------------------------------------------------------------------

// adapter-pg 7.10.1 rejects ("Unsupported column type") system types that node-postgres hands back
// as plain strings. The engine's catalog queries read PostgreSQL's internal "char" (OID 18:
// pg_constraint.contype, pg_class.relkind, ...), which the native engine decodes as a character:
// report it as Character. The others become Text.
const CHAR_OID = 18;
const STRINGLY_SYSTEM_OIDS = new Set([22, 24, 27, 28, 29, 30, 194, 1033, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191, 5069]);
const TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

let patched = false;
const CHAR_COLUMNS = Symbol("charColumns");
let lastDbError = null;

/** The last error PostgreSQL returned to the engine (the WASM engine only passes on a summary). */
export function lastDatabaseError() {
  return lastDbError;
}

export function clearLastDatabaseError() {
  lastDbError = null;
}

function recordDbError(error) {
  if (error && typeof error === "object" && typeof error.code === "string") {
    lastDbError = { code: error.code, message: error.message, detail: error.detail, hint: error.hint, where: error.where };
  }
}

/** Patches adapter-pg's classes once: catalog column types, and whole-script execution. */
function patchAdapterClasses(adapter) {
  if (patched) return;
  patched = true;
  const AdapterProto = Object.getPrototypeOf(adapter);
  const QueryableProto = Object.getPrototypeOf(AdapterProto);
  const performIO = QueryableProto.performIO;
  if (typeof performIO !== "function") {
    log.warn('adapter-pg internals changed (no performIO); the "char" workaround is not active');
  } else {
    QueryableProto.performIO = async function patchedPerformIO(query) {
      let result;
      try {
        result = await performIO.call(this, query);
      } catch (error) {
        recordDbError(error?.cause?.originalCode ? { code: error.cause.originalCode, message: error.cause.originalMessage } : null);
        throw error;
      }
      const charColumns = [];
      (result?.fields ?? []).forEach((field, i) => {
        if (field.dataTypeID === CHAR_OID) {
          field.dataTypeID = TEXT_OID;
          charColumns.push(i);
        } else if (STRINGLY_SYSTEM_OIDS.has(field.dataTypeID)) {
          field.dataTypeID = TEXT_OID;
        }
      });
      // queryRaw returns this same rows array: mark the "char" columns on it for the wrapper below.
      if (charColumns.length && Array.isArray(result.rows)) {
        Object.defineProperty(result.rows, CHAR_COLUMNS, { value: charColumns, enumerable: false });
      }
      return result;
    };
    const queryRaw = QueryableProto.queryRaw;
    QueryableProto.queryRaw = async function patchedQueryRaw(query) {
      const result = await queryRaw.call(this, query);
      for (const i of result?.rows?.[CHAR_COLUMNS] ?? []) result.columnTypes[i] = CHARACTER_COLUMN_TYPE;
      return result;
    };
  }
  // adapter-pg splits scripts on every ";" (breaking literals, dollar-quoted bodies, ...). Send the
  // script as one simple-protocol query instead: PostgreSQL runs it as one implicit transaction,
  // which is what the native engine does with migration scripts too.
  if (typeof AdapterProto.executeScript === "function" && typeof QueryableProto.onError === "function") {
    AdapterProto.executeScript = async function patchedExecuteScript(script) {
      try {
        await this.client.query(script);
      } catch (error) {
        recordDbError(error);
        this.onError(error);
      }
    };
  }
}

/**
 * A SqlMigrationAwareDriverAdapterFactory for the WASM engine. `connect()` opens the main database;
 * `connectToShadowDb()` creates a throw-away database `<db>_shadow_<random>` on the same server
 * (or wipes the configured shadowDatabaseUrl) and drops it again when the engine disposes of it.
 */
export class PgMigrationAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  constructor({ url, shadowDatabaseUrl, mainDatabaseOptional = false }) {
    this.url = url;
    this.mainDatabaseOptional = mainDatabaseOptional;
    this.shadowDatabaseUrl = shadowDatabaseUrl || undefined;
    this.openAdapters = new Set();
    this.shadowDatabases = new Map(); // name -> url of the temporary shadow database
    this.shadowAdapters = new Map(); // name -> adapter connected to it
    const { PrismaPg } = require("@prisma/adapter-pg");
    this.PrismaPg = PrismaPg;
  }

  async #open(url) {
    const { schema } = parseUrl(url);
    const factory = new this.PrismaPg({ connectionString: pgConnectionString(url) }, schema ? { schema } : undefined);
    const adapter = await factory.connect();
    patchAdapterClasses(adapter);
    this.openAdapters.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      this.openAdapters.delete(adapter);
      await dispose();
    };
    return adapter;
  }

  async connect() {
    if (!this.url) return offlineAdapter();
    parseUrl(this.url);
    if (this.mainDatabaseOptional) {
      try {
        await canConnect(this.url);
      } catch (error) {
        if (error?.userFacing?.error_code !== "P1003") throw error;
        log.info("The datasource database does not exist; continuing without it");
        return offlineAdapter();
      }
    }
    return this.#open(this.url);
  }

  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) {
      if (this.url && sameDatabase(this.url, this.shadowDatabaseUrl)) {
        throw userError(
          "P3014",
          "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
        );
      }
      log.info("Resetting the configured shadow database");
      await wipeDatabase(this.shadowDatabaseUrl);
      return this.#open(this.shadowDatabaseUrl);
    }
    if (!this.url) {
      throw userError(
        "P3014",
        "A shadow database is needed for this command, and this schema engine creates a temporary one on the server of the datasource URL. Set DATABASE_URL (or datasource.shadowDatabaseUrl in prisma.config.ts).",
      );
    }
    const { database } = parseUrl(this.url);
    const name = `${database.slice(0, 40)}_shadow_${randomBytes(5).toString("hex")}`.toLowerCase();
    const shadowUrl = withDatabase(this.url, name);
    log.info(`Creating temporary shadow database ${name}`);
    await withAdminClient(this.url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`)).catch((error) => {
      throw userError(
        "P3014",
        `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases.\n\nOriginal error: ${error.message}`,
      );
    });
    this.shadowDatabases.set(name, shadowUrl);
    let adapter;
    try {
      adapter = await this.#open(shadowUrl);
    } catch (error) {
      await this.dropShadowDatabase(name);
      throw error;
    }
    const dispose = adapter.dispose;
    adapter.dispose = async () => {
      try {
        await dispose();
      } finally {
        this.shadowAdapters.delete(name);
        await this.dropShadowDatabase(name);
      }
    };
    this.shadowAdapters.set(name, adapter);
    return adapter;
  }

  async dropShadowDatabase(name) {
    const url = this.shadowDatabases.get(name);
    if (!url) return;
    try {
      await dropDatabase(url);
      this.shadowDatabases.delete(name);
      log.info(`Dropped temporary shadow database ${name}`);
    } catch (error) {
      log.error(`Could not drop temporary shadow database ${name}: ${error.message}`);
    }
  }

  /** Closes shadow connections and drops every temporary shadow database still around. */
  async cleanupShadows() {
    for (const adapter of [...this.shadowAdapters.values()]) await adapter.dispose().catch(() => {});
    for (const name of [...this.shadowDatabases.keys()]) await this.dropShadowDatabase(name);
  }

  /** Everything: shadow databases first, then every pool still open. */
  async cleanup() {
    await this.cleanupShadows();
    for (const adapter of [...this.openAdapters]) await adapter.dispose().catch(() => {});
  }
}

/**
 * Stand-in for the main database when no URL is configured, so that commands that need no
 * database (e.g. `migrate diff --from-empty --to-schema ... --script`) still work. It answers the
 * engine's start-up probe and fails everything else with a clear message.
 */
function offlineAdapter() {
  const fail = async () => {
    throw userError(
      "P1012",
      "This command needs a database, but the datasource URL is empty. Set DATABASE_URL (read by prisma.config.ts) to a postgresql:// connection string.",
    );
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      if (/^\s*SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/i.test(query.sql)) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [5, 7, 0], // Boolean, Text, Int32
          rows: [[true, "PostgreSQL 15.0 (no database configured)", 150000]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ schemaName: undefined, supportsRelationJoins: true }),
    async dispose() {},
  };
}

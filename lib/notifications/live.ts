import pg from "pg";
import { logger } from "@/lib/log";
import { BOARD_CHANNEL, decodeBoardChange, type BoardChange } from "./board-events";
import { decodeLiveEvent, NOTIFICATION_CHANNEL, type LiveEvent } from "./live-events";

/** A subscriber hears its user's events; `resync` means events may have been missed (the connection dropped). */
export type LiveListener = (event: LiveEvent | { kind: "resync" }) => void;
/** A board subscriber hears its tenant's deal changes, and `resync` likewise. */
export type BoardListener = (event: { kind: "change"; change: BoardChange } | { kind: "resync" }) => void;

const IDLE_CLOSE_MS = 30_000;
const MAX_RECONNECT_DELAY_MS = 30_000;
export const LISTEN_APPLICATION_NAME = "onquota-notifications-listen";

/**
 * One LISTEN connection per server process (plain `pg`, outside Prisma's pool), fanning NOTIFY payloads out to
 * the in-process subscribers of each user (notifications) and of each tenant (board changes). It opens with the
 * first subscriber, reconnects with backoff when it drops, and closes a while after the last subscriber leaves.
 */
class LiveHub {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly boardListeners = new Map<string, Set<BoardListener>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private connections = 0;

  /** Resolves once the LISTEN is in place (or its first attempt failed and a retry is scheduled). */
  subscribe(userId: string, listener: LiveListener): Promise<() => void> {
    return this.add(this.listeners, userId, listener);
  }

  /** Resolves once the LISTEN is in place, like `subscribe`. */
  subscribeBoard(tenantId: string, listener: BoardListener): Promise<() => void> {
    return this.add(this.boardListeners, tenantId, listener);
  }

  /** Adds a subscriber under `key`; returns its unsubscribe (idempotent). */
  private async add<L>(registry: Map<string, Set<L>>, key: string, listener: L): Promise<() => void> {
    const set = registry.get(key) ?? new Set();
    set.add(listener);
    registry.set(key, set);
    this.clearIdleTimer();
    await this.ensureConnected();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(listener);
      if (set.size === 0 && registry.get(key) === set) registry.delete(key);
      if (!this.hasSubscribers()) this.scheduleIdleClose();
    };
  }

  private hasSubscribers(): boolean {
    return this.listeners.size > 0 || this.boardListeners.size > 0;
  }

  subscriberCount(userId?: string): number {
    if (userId) return this.listeners.get(userId)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }

  isListening(): boolean {
    return this.client !== null;
  }

  /** How many times a LISTEN connection has been established in this process (it grows with each reconnect). */
  connectionCount(): number {
    return this.connections;
  }

  /** Closes the connection now (tests, shutdown). */
  async close(): Promise<void> {
    this.clearIdleTimer();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: LISTEN_APPLICATION_NAME,
    });
    client.on("notification", (message) => {
      if (!message.payload) return;
      if (message.channel === NOTIFICATION_CHANNEL) {
        const event = decodeLiveEvent(message.payload);
        if (event) this.dispatch(event.userId, event);
      } else if (message.channel === BOARD_CHANNEL) {
        const change = decodeBoardChange(message.payload);
        if (change) this.dispatchBoard(change);
      }
    });
    client.on("error", (error) => this.dropped(client, error));
    client.on("end", () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}; LISTEN ${BOARD_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on("error", () => undefined);
      await client.end().catch(() => undefined);
      logger.warn({ err: error }, "notifications: LISTEN connection failed");
      this.scheduleReconnect();
      return;
    }
    this.client = client;
    this.failures = 0;
    if (this.connections > 0) this.broadcast({ kind: "resync" });
    this.connections += 1;
    if (!this.hasSubscribers()) this.scheduleIdleClose();
  }

  private dropped(client: pg.Client, error?: Error) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners();
    client.on("error", () => undefined);
    client.end().catch(() => undefined);
    logger.warn({ err: error }, "notifications: LISTEN connection lost");
    if (this.hasSubscribers()) this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.reconnectTimer || !this.hasSubscribers()) return;
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 250 * 2 ** this.failures);
    this.failures += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.hasSubscribers()) void this.ensureConnected();
    }, delay);
    this.reconnectTimer.unref();
  }

  private scheduleIdleClose() {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.hasSubscribers()) void this.close();
    }, IDLE_CLOSE_MS);
    this.idleTimer.unref();
  }

  private clearIdleTimer() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private dispatch(userId: string, event: LiveEvent) {
    for (const listener of [...(this.listeners.get(userId) ?? [])]) this.call(() => listener(event));
  }

  private dispatchBoard(change: BoardChange) {
    for (const listener of [...(this.boardListeners.get(change.tenantId) ?? [])]) this.call(() => listener({ kind: "change", change }));
  }

  private broadcast(event: { kind: "resync" }) {
    for (const set of this.listeners.values()) for (const listener of [...set]) this.call(() => listener(event));
    for (const set of this.boardListeners.values()) for (const listener of [...set]) this.call(() => listener(event));
  }

  private call(deliver: () => void) {
    try {
      deliver();
    } catch (error) {
      logger.error({ err: error }, "notifications: live subscriber failed");
    }
  }
}

const globalForLive = globalThis as unknown as { onquotaLiveHub?: LiveHub };

/** The process-wide hub (kept on globalThis so that dev reloads do not open a second LISTEN connection). */
export function liveHub(): LiveHub {
  globalForLive.onquotaLiveHub ??= new LiveHub();
  return globalForLive.onquotaLiveHub;
}

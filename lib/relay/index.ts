import { logger } from "@/lib/log";

type Env = Record<string, string | undefined>;

export type RelayOptions = {
  /** Names the relay in logs and keeps its state apart ("webhooks", "push"). */
  name: string;
  /** The environment variable that turns the relay off with 0, off or false. */
  switchVariable: string;
  /** The environment variable of the polling interval in ms (default 2000). */
  intervalVariable: string;
  /** One run: claims and handles what is due (SKIP LOCKED shares the work across processes). */
  run: () => Promise<unknown>;
};

export type Relay = {
  enabled(env?: Env): boolean;
  /** Starts a run now, in the background (or one more after the current run). Never throws. */
  soon(): void;
  /** Waits for the current run of this process (tests, shutdown). */
  idle(): Promise<void>;
  /** Polls until the returned stop is called (the production server starts it). */
  start(intervalMs?: number): () => Promise<void>;
};

type RelayState = { running: Promise<void> | null; again: boolean; timer: NodeJS.Timeout | null };

const globalForRelays = globalThis as unknown as { onquotaRelays?: Map<string, RelayState> };

/**
 * An in-process relay of an outbox table: each server process looks for due rows every few seconds and when asked
 * to. Runs never overlap within a process; a scheduled job does the same work for processes that run no server.
 */
export function pollingRelay({ name, switchVariable, intervalVariable, run }: RelayOptions): Relay {
  const states = (globalForRelays.onquotaRelays ??= new Map());
  const state = (): RelayState => {
    if (!states.has(name)) states.set(name, { running: null, again: false, timer: null });
    return states.get(name)!;
  };
  const enabled = (env: Env = process.env) => !/^(0|off|false)$/i.test(env[switchVariable]?.trim() ?? "");

  function soon(): void {
    if (!enabled()) return;
    const relay = state();
    if (relay.running) {
      relay.again = true;
      return;
    }
    relay.running = (async () => {
      do {
        relay.again = false;
        try {
          await run();
        } catch (error) {
          logger.warn({ err: error }, `${name}: relay run failed`);
        }
      } while (relay.again);
    })().finally(() => {
      relay.running = null;
    });
  }

  const idle = async () => {
    await state().running;
  };

  function start(intervalMs = Number(process.env[intervalVariable] ?? 2_000)): () => Promise<void> {
    const relay = state();
    if (!enabled() || !(intervalMs > 0) || relay.timer) return async () => undefined;
    relay.timer = setInterval(soon, intervalMs);
    relay.timer.unref();
    return async () => {
      if (relay.timer) clearInterval(relay.timer);
      relay.timer = null;
      await idle();
    };
  }

  return { enabled, soon, idle, start };
}

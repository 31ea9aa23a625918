import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = {
  path: string;
  id: string;
  /** What Webhook.verify returned: the parsed body, signature checked. Null when verification failed. */
  verified: { type: string; timestamp: string; data: any } | null;
  error: string | null;
};

/**
 * A real HTTP receiver on 127.0.0.1 that checks every request's Standard Webhooks signature with the secret of
 * its path (`secrets`), answers the status set for its path (200 by default) and lets a test wait for requests.
 */
export async function startWebhookReceiver() {
  const secrets = new Map<string, string>();
  const statuses = new Map<string, number>();
  const received: Received[] = [];
  const waiters: Array<{ count: number; path?: string; resolve: () => void }> = [];
  const countFor = (path?: string) => received.filter((r) => !path || r.path === path).length;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let verified: Received["verified"] = null;
      let error: string | null = null;
      try {
        verified = new Webhook(secrets.get(path) ?? "whsec_").verify(body, headers) as Received["verified"];
      } catch (e) {
        error = (e as Error).message;
      }
      received.push({ path, id: headers["webhook-id"] ?? "", verified, error });
      res.writeHead(statuses.get(path) ?? 200).end("ok");
      for (const waiter of [...waiters]) {
        if (countFor(waiter.path) >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    on(path: string, secret: string, status = 200) {
      secrets.set(path, secret);
      statuses.set(path, status);
    },
    answer(path: string, status: number) {
      statuses.set(path, status);
    },
    at: (path: string) => received.filter((r) => r.path === path),
    /** Resolves once `count` requests (to `path`, or any) arrived. */
    waitFor(count: number, path?: string): Promise<void> {
      if (countFor(path) >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, path, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

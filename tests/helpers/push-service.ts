import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { RequestListener } from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

type Subscription = { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string };
type PushApiModel = {
  notifyUrl: string;
  subscribe(options: { applicationServerKey: string; userVisibleOnly: string }): Promise<Subscription>;
  expireSubscription(clientHash: string): void;
  getNotifications(body: { clientHash: string }): { messages: string[] };
};

const require = createRequire(import.meta.url);
const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as { PushApiModel: new () => PushApiModel };
const WebPushTestingServer = require("web-push-testing/src/server.js") as new (
  model: PushApiModel,
  port: number,
) => { _app: RequestListener; setRequestHandlers(): void };

/** A self-signed certificate for "localhost", made with openssl for this run. */
function localhostCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "push-tls-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(path.join(dir, "key.pem"), "utf8"), cert: readFileSync(path.join(dir, "cert.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A real push service (web-push-testing: RFC 8030 endpoints, RFC 8291 decryption, VAPID checked) served over HTTPS
 * on a free port of localhost. It hands out subscriptions like a browser's pushManager, decrypts what it receives and
 * can expire a subscription (it then answers 410). `agent` trusts its certificate.
 */
export async function startPushService() {
  const { key, cert } = localhostCertificate();
  const model = new PushApiModel();
  const app = new WebPushTestingServer(model, 0);
  app.setRequestHandlers();
  const server = https.createServer({ key, cert }, app._app);
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  model.notifyUrl = `https://localhost:${(server.address() as AddressInfo).port}/notify/`;
  const agent = new https.Agent({ ca: cert });
  return {
    agent,
    /** A browser's subscription for the server's VAPID public key (what pushManager.subscribe would give). */
    subscribe: (applicationServerKey: string) => model.subscribe({ applicationServerKey, userVisibleOnly: "true" }),
    /** What the browser received, decrypted and parsed. */
    messages: (clientHash: string) => model.getNotifications({ clientHash }).messages.map((text) => JSON.parse(text)),
    /** The browser unsubscribed: the service answers 410 from now on. */
    expire: (clientHash: string) => model.expireSubscription(clientHash),
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Environment variables (process.env by default; tests pass their own). */
export type Env = Record<string, string | undefined>;

/** The brand every email carries in its header. */
export const APP_NAME = "OnQuota";

export type EmailConfig = {
  /** Set: mail goes through Resend. Unset: to the development outbox when it is on, else nowhere (a failed send). */
  resendApiKey: string | null;
  /** The development outbox is on: in development, or wherever EMAIL_OUTBOX=1 says so. */
  outbox: boolean;
  /** `"FROM_NAME <FROM_EMAIL>"`. */
  from: string;
  /** The public base URL of the app, without a trailing slash. */
  appUrl: string;
};

/** Read on every send, so a changed environment (tests, a restarted worker) takes effect at once. */
export function emailConfig(env: Env = process.env): EmailConfig {
  const fromEmail = env.FROM_EMAIL?.trim() || "noreply@onquota.local";
  const fromName = env.FROM_NAME?.trim() || APP_NAME;
  return {
    resendApiKey: env.RESEND_API_KEY?.trim() || null,
    outbox: outboxEnabled(env),
    from: `${displayName(fromName)} <${fromEmail}>`,
    appUrl: (env.APP_URL?.trim() || "http://localhost:3000").replace(/\/+$/, ""),
  };
}

/**
 * The development outbox: `EMAIL_OUTBOX=1` (or `true`) turns it on, `0` (or `false`) off; unset, it is on except in
 * production. A production server without an email provider therefore sends nothing and says so.
 */
export function outboxEnabled(env: Env = process.env): boolean {
  const setting = env.EMAIL_OUTBOX?.trim().toLowerCase();
  if (setting === "1" || setting === "true") return true;
  if (setting === "0" || setting === "false") return false;
  return env.NODE_ENV !== "production";
}

/** True when messages are kept in the development outbox instead of being sent. */
export function outboxIsTransport(env: Env = process.env): boolean {
  const config = emailConfig(env);
  return config.resendApiKey === null && config.outbox;
}

/** A display name is quoted (RFC 5322) when it holds anything beyond letters, digits, spaces and `.-_`. */
function displayName(name: string): string {
  return /^[\p{L}\p{N} ._-]+$/u.test(name) ? name : `"${name.replace(/["\\]/g, "\\$&")}"`;
}

/**
 * An absolute http(s) link for an email: a path of the app ("/opportunities/…") is appended to `appUrl`; anything
 * that is not then an http(s) URL (e.g. `javascript:`, a bare word) gives null, so no button is shown.
 */
export function absoluteUrl(target: string, appUrl: string): string | null {
  const appPath = target.startsWith("/") && !target.startsWith("//");
  try {
    const url = new URL(appPath ? `${appUrl}${target}` : target);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

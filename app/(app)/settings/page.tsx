import type { Metadata } from "next";
import Link from "next/link";
import { baseCurrencyOf } from "@/lib/tenants";
import { NotificationSettings } from "./notification-settings";
import { PushSwitch } from "./push-switch";
import { Button } from "@/components/ui/button";
import { currentUser, listPersonalTokens, requirePageScope } from "@/lib/auth";
import { canReadOutbox, outboxIsTransport } from "@/lib/email";
import { revokePersonalTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";
import { getCalendarFeed } from "@/lib/calendar";
import { CalendarFeedSettings } from "@/components/calendar/calendar-feed-settings";

export const metadata: Metadata = { title: "Settings" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function SettingsPage() {
  const scope = await requirePageScope();
  const [user, tokens, baseCurrency, calendarFeed] = await Promise.all([
    currentUser(),
    listPersonalTokens(scope),
    baseCurrencyOf(scope),
    getCalendarFeed(scope),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="text-base font-semibold">Profile</h2>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Role</dt>
            <dd>{user.role.replace("_", " ")}</dd>
          </div>
        </dl>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="money-heading">
        <h2 id="money-heading" className="text-base font-semibold">
          Currencies
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Totals are in {baseCurrency}.{" "}
          <Link href="/settings/exchange-rates" className="font-medium text-brand-700 underline underline-offset-2">
            Exchange rates{scope.role === "ADMIN" ? " and base currency" : ""}
          </Link>{" "}
          ·{" "}
          <Link href="/settings/pipeline" className="font-medium text-brand-700 underline underline-offset-2">
            Pipeline stages
          </Link>
        </p>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="loss-heading">
        <h2 id="loss-heading" className="text-base font-semibold">
          Loss reasons
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          <Link href="/settings/loss-reasons" className="font-medium text-brand-700 underline underline-offset-2">
            {scope.role === "ADMIN" ? "Manage the list" : "See the list"}
          </Link>{" "}
          offered when a deal is closed as lost.
        </p>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="targets-heading">
        <h2 id="targets-heading" className="text-base font-semibold">
          Sales targets
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          <Link href="/settings/targets" className="font-medium text-brand-700 underline underline-offset-2">
            {scope.role === "SALES_REP" ? "See your targets" : "Set monthly targets"}
          </Link>{" "}
          that the forecast compares won deals with.
        </p>
      </section>
      {scope.role === "ADMIN" ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="webhooks-heading">
          <h2 id="webhooks-heading" className="text-base font-semibold">
            Webhooks
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            <Link href="/settings/webhooks" className="font-medium text-brand-700 underline underline-offset-2">
              Manage webhooks
            </Link>{" "}
            that post deal, activity and notification events to your systems.
          </p>
        </section>
      ) : null}
      <CalendarFeedSettings initial={calendarFeed} />
      <NotificationSettings />
      <PushSwitch />
      {canReadOutbox(scope) && outboxIsTransport() ? (
        <p className="text-sm text-slate-600">
          Email is not configured (no <code>RESEND_API_KEY</code>): messages are kept in the{" "}
          <a className="font-medium text-brand-700 underline underline-offset-2" href="/dev/outbox">
            development outbox
          </a>
          .
        </p>
      ) : null}
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="text-base font-semibold">
          Personal API tokens
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Use a token as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code> with the{" "}
          <a className="text-brand-700 underline underline-offset-2" href="/docs">
            OnQuota API
          </a>
          . Tokens are stored hashed and shown once.
        </p>
        <div className="mt-4">
          <CreateTokenForm />
        </div>
        {tokens.length === 0 ? (
          <p className="mt-6 text-sm text-slate-500">You have no personal tokens.</p>
        ) : (
          <ul className="mt-6 divide-y divide-slate-100" aria-label="Your tokens">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium">{token.name}</p>
                  <p className="text-xs text-slate-600">
                    <code>{token.tokenHint}</code> · created {dateFormat.format(token.createdAt)} ·{" "}
                    {token.expiresAt ? `expires ${dateFormat.format(token.expiresAt)}` : "never expires"} ·{" "}
                    {token.lastUsedAt ? `last used ${dateFormat.format(token.lastUsedAt)}` : "never used"}
                  </p>
                </div>
                <form action={revokePersonalTokenAction}>
                  <input type="hidden" name="id" value={token.id} />
                  <Button type="submit" variant="secondary" aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

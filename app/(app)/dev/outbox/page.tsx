import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageScope } from "@/lib/auth";
import { canReadOutbox, readOutbox } from "@/lib/email";

export const metadata: Metadata = { title: "Email outbox" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The development outbox (admins only, while it is on): the emails kept instead of sent, to users of your company.
 * Each message's HTML is shown in a sandboxed frame (no scripts, no forms, no same-origin access) next to its text
 * part; in someone else's mail, links that act for the recipient (unsubscribe) are hidden.
 */
export default async function OutboxPage({ searchParams }: Props) {
  const scope = await requirePageScope();
  if (!canReadOutbox(scope)) notFound();
  const { id } = await searchParams;
  const { messages, total, selected } = await readOutbox(scope, typeof id === "string" && UUID.test(id) ? id : undefined);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Email outbox</h1>
        <p className="mt-1 text-sm text-slate-600">
          Without <code className="rounded bg-slate-100 px-1">RESEND_API_KEY</code>, emails are kept here instead of being sent
          (development, or <code className="rounded bg-slate-100 px-1">EMAIL_OUTBOX=1</code>).{" "}
          {total > messages.length
            ? `The newest ${messages.length} of ${total} are listed.`
            : `${total} ${total === 1 ? "message" : "messages"}.`}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <nav aria-label="Messages" className="rounded-xl border border-slate-200 bg-white">
          {messages.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">No emails yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {messages.map((message) => (
                <li key={message.id}>
                  <Link
                    href={`/dev/outbox?id=${message.id}`}
                    aria-current={selected?.id === message.id ? "true" : undefined}
                    className="block px-4 py-3 hover:bg-slate-50 aria-[current=true]:bg-brand-50"
                  >
                    <span className="block truncate text-sm font-medium text-slate-800">{message.subject}</span>
                    <span className="block truncate text-xs text-slate-500">
                      to {message.to} · {timeFormat.format(message.createdAt)} UTC
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {selected ? (
          <article className="min-w-0 space-y-4 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="message-subject">
            <header className="space-y-1">
              <h2 id="message-subject" className="text-lg font-semibold break-words">
                {selected.subject}
              </h2>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
                <dt className="text-slate-500">From</dt>
                <dd className="break-all">{selected.from}</dd>
                <dt className="text-slate-500">To</dt>
                <dd className="break-all">{selected.to}</dd>
                <dt className="text-slate-500">Date</dt>
                <dd>{timeFormat.format(selected.createdAt)} UTC</dd>
                {Object.entries(headersOf(selected.headers)).map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="text-slate-500">{name}</dt>
                    <dd className="font-mono text-xs leading-5 break-all">{value}</dd>
                  </div>
                ))}
              </dl>
              {selected.redacted ? (
                <p className="text-sm text-slate-600" role="note">
                  Links that act for {selected.to} (such as one-click unsubscribe) are hidden: only the recipient may use them.
                </p>
              ) : null}
            </header>
            <section aria-label="HTML part">
              <h3 className="mb-2 text-sm font-semibold text-slate-700">HTML</h3>
              <iframe
                title={`HTML of “${selected.subject}”`}
                srcDoc={selected.html}
                sandbox=""
                className="h-[640px] w-full rounded-md border border-slate-200 bg-white"
              />
            </section>
            <section aria-label="Text part">
              <h3 className="mb-2 text-sm font-semibold text-slate-700">Text</h3>
              <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 text-xs break-words whitespace-pre-wrap">{selected.text}</pre>
            </section>
          </article>
        ) : (
          <p className="text-sm text-slate-500">{messages.length > 0 ? "Choose a message to read it." : null}</p>
        )}
      </div>
    </div>
  );
}

function headersOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

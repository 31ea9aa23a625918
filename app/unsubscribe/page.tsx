import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UnsubscribeForm } from "./unsubscribe-form";
import { CATEGORY_LABELS, readUnsubscribeLink } from "@/lib/email";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where an email's unsubscribe link leads: says what the link turns off and asks for one click to confirm. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? await readUnsubscribeLink(token) : null;
  if (typeof token !== "string" || !link) notFound();
  const category = CATEGORY_LABELS[link.category];
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">Unsubscribe from {category.label} emails?</h1>
      <p className="text-sm text-slate-600">
        {category.description}, sent to <span className="font-medium text-slate-800">{link.email}</span>. You will still see these
        notifications in OnQuota.
      </p>
      <UnsubscribeForm token={token} categoryLabel={category.label} alreadyOff={!link.enabled} />
    </div>
  );
}

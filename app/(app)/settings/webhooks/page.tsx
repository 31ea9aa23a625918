import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageScope } from "@/lib/auth";
import { listWebhooks } from "@/lib/webhooks";
import { PageHeader } from "@/components/ui/list-ui";
import { WebhooksManager } from "@/components/webhooks/webhooks-manager";

export const metadata: Metadata = { title: "Webhooks" };

/** Admins only: anyone else finds no such page. */
export default async function WebhooksPage() {
  const scope = await requirePageScope();
  if (scope.role !== "ADMIN") notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="OnQuota posts deal, activity and notification events to your URLs, signed, retried with backoff for about a day; 20 failures in a row turn a webhook off and tell the admins."
      />
      <p className="text-sm">
        <Link href="/settings" className="text-brand-700 underline underline-offset-2">
          ← Settings
        </Link>
      </p>
      <WebhooksManager initial={await listWebhooks(scope)} />
    </div>
  );
}

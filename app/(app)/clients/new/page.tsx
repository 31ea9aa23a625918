import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth";
import { PageHeader } from "@/components/ui/list-ui";
import { createClientAction } from "../actions";
import { ClientForm } from "../client-form";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  await requirePageScope();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New client" />
      <ClientForm action={createClientAction} submitLabel="Create client" cancelHref="/clients" />
    </div>
  );
}

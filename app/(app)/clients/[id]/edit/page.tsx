import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/list-ui";
import { updateClientAction } from "../../actions";
import { ClientForm } from "../../client-form";
import { loadClient } from "../load";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { record } = await loadClient((await params).id);
  return { title: `Edit ${record.name}` };
}

export default async function EditClientPage({ params }: Params) {
  const { record: client } = await loadClient((await params).id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Edit client" description={client.name} />
      <ClientForm
        action={updateClientAction.bind(null, client.id)}
        defaults={{ name: client.name, company: client.company ?? "", email: client.email ?? "", phone: client.phone ?? "" }}
        submitLabel="Save changes"
        cancelHref={`/clients/${client.id}`}
      />
    </div>
  );
}

import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth";
import { PageHeader } from "@/components/ui/list-ui";
import { ImportWizard } from "@/components/imports/import-wizard";

export const metadata: Metadata = { title: "Import" };

export default async function ImportsPage() {
  await requirePageScope();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import"
        description="Bring deals or clients in from a spreadsheet (CSV or XLSX, up to 50,000 rows). Nothing is written until you confirm."
      />
      <ImportWizard />
    </div>
  );
}

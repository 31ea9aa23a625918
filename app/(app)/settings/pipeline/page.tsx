import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth";
import { getStageSettings } from "@/lib/opportunities";
import { StageSettingsForm } from "@/components/activities/stage-settings-form";

export const metadata: Metadata = { title: "Pipeline stages" };

/** The open stages' default probability, forecast category and stale threshold; admins change them. */
export default async function PipelineStagesPage() {
  const scope = await requirePageScope();
  const settings = await getStageSettings(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Pipeline stages</h1>
      <p className="text-sm text-slate-600">
        A deal is stale when it has sat in its stage longer than the threshold, with no activity in that time and no next step planned.
        &ldquo;Auto&rdquo; learns the threshold from your won deals (75th percentile of their days in the stage; needs 10 won deals, you
        have {settings.won_deals}).
      </p>
      <StageSettingsForm initial={settings} editable={scope.role === "ADMIN"} />
    </div>
  );
}

import { requirePageScope } from "@/lib/auth";
import { CATEGORY_LABELS, getEmailPreferences } from "@/lib/email";
import { EmailPreferencesForm } from "@/components/email/email-preferences-form";
import { saveEmailPreferencesAction } from "./actions";

/** The settings section where a user turns email on or off per notification category. */
export async function EmailPreferences() {
  const scope = await requirePageScope();
  const { preferences } = await getEmailPreferences(scope);
  const rows = preferences.map(({ category, enabled }) => ({ category, enabled, ...CATEGORY_LABELS[category] }));
  return (
    <section id="email-preferences" className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="email-preferences-heading">
      <h2 id="email-preferences-heading" className="text-base font-semibold">
        Email notifications
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Choose which notifications also reach you by email. Every notification always appears in the app.
      </p>
      <EmailPreferencesForm preferences={rows} save={saveEmailPreferencesAction} />
    </section>
  );
}

export default function InvalidUnsubscribeLink() {
  return (
    <div className="space-y-2">
      <h1 className="text-lg font-semibold">This unsubscribe link is not valid</h1>
      <p className="text-sm text-slate-600">
        It may be incomplete. Open the link from the email again, or change your email preferences in{" "}
        <a className="text-brand-700 underline" href="/settings#email-preferences">
          Settings
        </a>
        .
      </p>
    </div>
  );
}

import type { ReactNode } from "react";

/** Public: an unsubscribe link works without signing in. */
export default function UnsubscribeLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="mb-8 text-center text-2xl font-bold tracking-tight text-brand-700">OnQuota</p>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}

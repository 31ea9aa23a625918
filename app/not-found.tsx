import type { Metadata } from "next";
import Link from "next/link";
import { NAV_ITEMS } from "@/components/shell/nav-items";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the app does not know: the brand, what happened, and the ways on (signed out, the links lead to sign-in). */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md text-center">
        <Link href="/pipeline" className="text-2xl font-bold tracking-tight text-brand-700">
          OnQuota
        </Link>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-sm font-semibold text-brand-700">404</p>
          <h1 className="mt-1 text-xl font-semibold tracking-tight">Page not found</h1>
          <p className="mt-2 text-sm text-slate-600">The address may be mistyped, or the page has moved. Where would you like to go?</p>
          <nav aria-label="Pages" className="mt-5">
            <ul className="grid grid-cols-2 gap-2 text-sm">
              {NAV_ITEMS.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="flex min-h-11 items-center justify-center rounded-md border border-slate-300 px-3 font-medium text-slate-700 hover:bg-slate-50"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </main>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { currentUser } from "@/lib/auth/page-scope";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 pt-3">
          <Link href="/pipeline" className="text-lg font-bold tracking-tight text-brand-700">
            OnQuota
          </Link>
          <div className="flex items-center gap-2" data-slot="header-actions">
            <Link
              href="/notifications"
              aria-label="Notifications"
              className="rounded-full p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              data-testid="notification-bell"
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
            </Link>
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4">
          <NavLinks />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Providers } from "@/components/providers";
import { NavLinks } from "@/components/shell/nav-links";
import { NavMenu, NavMenuButton } from "@/components/shell/nav-menu";
import { UserMenu } from "@/components/shell/user-menu";
import { currentUser } from "@/lib/auth";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <Providers>
      <div className="min-h-screen">
        <NavMenu>
          <header className="sticky top-0 z-20 border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl items-center justify-between gap-2 px-4 pt-2 pb-1 md:gap-4 md:pt-3 md:pb-0">
              <div className="flex items-center gap-2">
                <NavMenuButton />
                <Link href="/pipeline" className="text-lg font-bold tracking-tight text-brand-700">
                  OnQuota
                </Link>
              </div>
              <div className="flex items-center gap-2" data-slot="header-actions">
                <NotificationBell />
                <UserMenu name={user.name} email={user.email} role={user.role} />
              </div>
            </div>
            <div className="mx-auto max-w-7xl md:px-4">
              <NavLinks />
            </div>
          </header>
        </NavMenu>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </div>
    </Providers>
  );
}

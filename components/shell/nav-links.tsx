"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_ITEMS } from "./nav-items";
import { NavPanel } from "./nav-menu";

/** The main navigation: tabs from `md` up, a list behind the Menu button on phones (NavMenu). */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <NavPanel>
      <ul className="-mb-px flex flex-col md:flex-row md:gap-1">
        {NAV_ITEMS.map((item) => {
          const active = pathname === item.href || pathname.startsWith(item.href + "/");
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-11 items-center border-l-4 px-3 text-base font-medium whitespace-nowrap md:min-h-0 md:border-b-2 md:border-l-0 md:py-2.5 md:text-sm ${
                  active
                    ? "border-brand-600 bg-brand-50 text-brand-700 md:bg-transparent"
                    : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </NavPanel>
  );
}

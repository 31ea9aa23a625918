import { ThemeSelect } from "@/components/theme/theme-select";
import { signOut } from "@/lib/auth";

type UserMenuProps = { name: string; email: string; role: string };

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** A native <details> menu: works without JavaScript and with the keyboard. */
export function UserMenu({ name, email, role }: UserMenuProps) {
  async function logout() {
    "use server";
    await signOut({ redirectTo: "/login" });
  }
  return (
    <details className="relative">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full p-1 hover:bg-slate-100">
        <span
          aria-hidden="true"
          className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
        >
          {initials(name)}
        </span>
        {/* The visible name starts the accessible name ("Alex Admin, account menu"); phones show the initials only. */}
        <span className="sr-only text-sm font-medium text-slate-700 sm:not-sr-only">{name}</span>
        <span className="sr-only">, account menu</span>
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-60 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
        <div className="px-2 py-1.5">
          <p className="truncate text-sm font-medium">{name}</p>
          <p className="truncate text-xs text-slate-600">{email}</p>
          <p className="mt-1 text-xs tracking-wide text-slate-600 uppercase">{role.replace("_", " ")}</p>
        </div>
        <ThemeSelect />
        <a href="/settings" className="block rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
          Settings
        </a>
        <form action={logout}>
          <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100">
            Log out
          </button>
        </form>
      </div>
    </details>
  );
}

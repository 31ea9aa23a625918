/** The app's main sections, in the order of the navigation. */
export const NAV_ITEMS = [
  { href: "/today", label: "Today" },
  { href: "/pipeline", label: "Pipeline" },
  { href: "/opportunities", label: "Opportunities" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/forecast", label: "Forecast" },
  { href: "/notifications", label: "Notifications" },
  { href: "/clients", label: "Clients" },
  { href: "/quotes", label: "Quotes" },
  { href: "/vehicles", label: "Vehicles" },
  { href: "/settings", label: "Settings" },
] as const;

/** Demo logins (also listed in the README). */
export const DEMO_PASSWORD = "onquota-demo";

export const DEMO_USERS = [
  { name: "Alex Admin", email: "admin@acme.demo", role: "ADMIN" },
  { name: "Sam Supervisor", email: "supervisor@acme.demo", role: "SUPERVISOR" },
  { name: "Riley Rep", email: "riley@acme.demo", role: "SALES_REP" },
  { name: "Jordan Rep", email: "jordan@acme.demo", role: "SALES_REP" },
] as const;

export const OTHER_TENANT_USERS = [
  { name: "Gina Globex", email: "admin@globex.demo", role: "ADMIN" },
  { name: "Gus Globex", email: "rep@globex.demo", role: "SALES_REP" },
] as const;

/**
 * A company of a test's own, registered through the API: its rows cannot disturb the seeded demo company's, nor
 * the other tests'. `call` speaks to a server from any loopback address (each registration from its own, as
 * registrations are limited per client address).
 */
import { expect } from "@playwright/test";
import { rawRequest } from "../tests/helpers/raw-http";
import { DEMO_PASSWORD } from "./helpers";

const json = { "content-type": "application/json" };

/** Registrations are limited per client address (10 an hour): each new company registers from a loopback address of its own. */
const ownAddress = () =>
  `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

export type Company = { admin: { email: string; token: string }; rep: { id: string; email: string; token: string } };

export async function call(base: string, method: string, path: string, body?: unknown, token?: string, from?: string) {
  const response = await rawRequest({
    from,
    url: `${base}${path}`,
    method,
    headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: response.text ? response.json() : null };
}

/** A new company with an admin and a rep (both with the demo password, so the login form works for them). */
export async function newCompany(base: string, label: string): Promise<Company> {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const adminEmail = `admin.${stamp}@${label}.test`;
  const registered = await call(
    base,
    "POST",
    "/api/v1/auth/register",
    {
      company_name: `${label} ${stamp}`,
      name: "Avery Admin",
      email: adminEmail,
      password: DEMO_PASSWORD,
    },
    undefined,
    ownAddress(),
  );
  expect(registered.status).toBe(201);
  const adminToken = registered.body.access_token as string;
  const repEmail = `rep.${stamp}@${label}.test`;
  const created = await call(
    base,
    "POST",
    "/api/v1/users",
    { name: "Robin Rep", email: repEmail, role: "SALES_REP", password: DEMO_PASSWORD },
    adminToken,
  );
  expect(created.status).toBe(201);
  const repToken = await call(base, "POST", "/api/v1/auth/token", { email: repEmail, password: DEMO_PASSWORD });
  return {
    admin: { email: adminEmail, token: adminToken },
    rep: { id: created.body.id, email: repEmail, token: repToken.body.access_token },
  };
}

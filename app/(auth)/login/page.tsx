import type { Metadata } from "next";
import { safeNextPath } from "@/lib/auth";
import { firstValues, type SearchParams } from "@/lib/http";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath(firstValues(await searchParams).next);
  return <LoginForm next={next} />;
}

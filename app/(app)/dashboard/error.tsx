"use client";

import { RouteError } from "@/components/ui/route-error";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The dashboard could not be loaded" error={error} retry={retry} />;
}

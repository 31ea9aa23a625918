"use client";

import { RouteError } from "@/components/ui/route-error";

export default function OpportunitiesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="Opportunities could not be loaded" error={error} retry={retry} />;
}

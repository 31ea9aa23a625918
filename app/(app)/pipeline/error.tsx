"use client";

import { RouteError } from "@/components/ui/route-error";

export default function PipelineError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The pipeline could not be loaded" error={error} retry={retry} />;
}

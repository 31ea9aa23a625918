import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { toReferenceView } from "@/components/api-docs/model";
import { openApiDocument } from "@/lib/openapi/document";

export const metadata: Metadata = {
  title: "API reference",
  description: "Interactive reference of the OnQuota HTTP API, generated from its OpenAPI 3.1 document.",
};

/** Public: anyone may read the reference; "Try it" uses the visitor's own session or token. */
export default function DocsPage() {
  return <ApiReference reference={toReferenceView(openApiDocument())} documentUrl="/api/v1/openapi.json" />;
}

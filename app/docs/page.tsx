import type { Metadata } from "next";
import { ScalarReference } from "@/components/api-reference/scalar-reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "Interactive reference of the OnQuota HTTP API, generated from its OpenAPI 3.1 document.",
};

/** Public: anyone may read the reference; "Try it" uses the visitor's own session or token. */
export default function DocsPage() {
  return <ScalarReference />;
}

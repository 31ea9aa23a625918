"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { referenceConfiguration } from "./configuration";

/** The interactive API reference (Scalar), bundled with the app and configured in ./configuration. */
export function ScalarReference() {
  return <ApiReferenceReact configuration={referenceConfiguration} />;
}

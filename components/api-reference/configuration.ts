import type { ApiReferenceReact } from "@scalar/api-reference-react";
import type { ComponentProps } from "react";
import { sessionFetch } from "./session-fetch";

type Configuration = Extract<ComponentProps<typeof ApiReferenceReact>["configuration"], { url?: string }>;

export const OPENAPI_DOCUMENT_URL = "/api/v1/openapi.json";

/**
 * Scalar set up to stay on this origin: its fonts, request proxy, telemetry, developer toolbar (share / deploy),
 * agent, MCP and "open in API client" links all reach scalar.com hosts by default and are turned off here.
 * "Try it" sends requests straight to /api/v1 from the browser, so the visitor's session cookie or the bearer
 * token typed into the authentication box is what authorizes them.
 */
export const referenceConfiguration = {
  url: OPENAPI_DOCUMENT_URL,
  customFetch: sessionFetch,
  proxyUrl: "",
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: "never",
  hideClientButton: true,
  mcp: { disabled: true },
  agent: { disabled: true },
  documentDownloadType: "json",
  orderSchemaPropertiesBy: "preserve",
  authentication: {
    preferredSecurityScheme: "bearerAuth",
    securitySchemes: {
      bearerAuth: {
        description:
          "Signed in? Leave the token empty and your session is used. Otherwise paste an access token from `POST /auth/token` or a personal token from Settings.",
      },
    },
  },
} satisfies Configuration;

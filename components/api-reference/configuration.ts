import type { ApiReferenceReact } from "@scalar/api-reference-react";
import type { ComponentProps } from "react";
import { sessionFetch } from "./session-fetch";

type Configuration = Extract<ComponentProps<typeof ApiReferenceReact>["configuration"], { url?: string }>;

/**
 * Scalar set up to stay on this origin. Each default that can reach a scalar.com host is off: the fonts
 * (fonts.scalar.com), the request proxy (proxy.scalar.com), telemetry, the developer toolbar's share and deploy
 * (registry / dashboard), the agent and MCP (api.scalar.com) and "open in API client" (client.scalar.com).
 * "Try it" sends requests straight to /api/v1 from the browser, so the visitor's session cookie or the bearer
 * token typed into the authentication box is what authorizes them.
 */
export const referenceConfiguration = {
  url: "/api/v1/openapi.json",
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

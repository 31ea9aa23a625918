import { z } from "zod";
import { defineOperation } from "@/lib/http";

const openApiDocumentOut = z
  .looseObject({
    openapi: z.string().meta({ example: "3.1.0" }),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.looseObject({})),
  })
  .meta({ id: "OpenApiDocument", description: "An OpenAPI 3.1 document." });

export const getOpenApiDocumentOperation = defineOperation({
  id: "getOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  summary: "This API's OpenAPI 3.1 document",
  description: "Public, and may be cached for five minutes. The interactive reference at `/docs` reads it.",
  tags: ["Reference"],
  auth: "public",
  database: false,
  response: openApiDocumentOut,
});

export const openApiOperations = [getOpenApiDocumentOperation];

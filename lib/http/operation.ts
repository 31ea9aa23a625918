import type { z } from "zod";
import type { UserRole } from "@/lib/generated/prisma/enums";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API operation: the single description from which the route handler parses its input, the OpenAPI
 * document is generated and the isolation tests are derived. Paths are relative to /api/v1, OpenAPI style.
 */
export type Operation<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  id: string;
  method: HttpMethod;
  path: `/${string}`;
  summary: string;
  description?: string;
  tags: string[];
  /** "public" routes need no caller (register, token); every other route requires one. */
  auth?: "public" | "user";
  /** Roles allowed; others get 403. Omitted: every signed-in role. */
  roles?: readonly UserRole[];
  /** A rep may only reach rows they own here; another rep's row is 404. */
  ownerScoped?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  /** 303: a redirect with no body, its `Location` header naming where. */
  successStatus?: 200 | 201 | 204 | 303;
  /**
   * Error statuses this operation can answer besides those its shape implies (lib/openapi/error-responses.ts:
   * 401 unless public, 400/413/422 with a body, 422 with a query, 403 with roles or as a cookie-authenticated
   * write, 404 with path parameters, 412 with If-Match, 503 unless it needs no database).
   */
  errors?: readonly number[];
  /** false: answers without the database, so never 503. */
  database?: false;
  /** Request headers the operation reads (documented), e.g. If-Match. */
  ifMatch?: boolean;
  /** A body that is a file's text (CSV, XML…) rather than JSON: its content types; `body` then parses the text. */
  textBody?: { contentTypes: readonly string[] };
  /**
   * A multipart/form-data body (a file upload) that the handler reads itself as it streams; this schema documents
   * its parts. The route wrapper then parses no body.
   */
  multipart?: z.ZodType;
  /** Non-JSON responses (e.g. text/event-stream; a file in one of several formats), documented by content type. */
  responseContentType?: string | readonly string[];
};

export function defineOperation<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(op: Operation<P, Q, B, R>): Operation<P, Q, B, R> {
  return op;
}

export type Infer<T> = [NonNullable<T>] extends [never]
  ? undefined
  : NonNullable<T> extends z.ZodType
    ? z.output<NonNullable<T>>
    : undefined;

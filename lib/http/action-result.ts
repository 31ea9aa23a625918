import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  TooManyRequestsError,
  ValidationError,
  type FieldError,
} from "@/lib/errors";

/**
 * What every server action answers when it does not redirect: whether it worked, messages for fields and for the
 * whole form, and what the user typed (a form that resets after an action refills itself from it). `attempt` counts
 * the answers, so an uncontrolled form can remount (`key={state.attempt}`) with those values.
 */
export type ActionResult = {
  ok: boolean;
  errors: Record<string, string>;
  message?: string;
  values?: Record<string, string>;
  attempt: number;
};

export const initialActionResult: ActionResult = { ok: true, errors: {}, attempt: 0 };

type Outcome = { errors?: FieldError[]; message?: string; values?: Record<string, string> };

export function actionSuccess(prev: ActionResult = initialActionResult, values?: Record<string, string>): ActionResult {
  return { ok: true, errors: {}, values, attempt: prev.attempt + 1 };
}

export function actionFailure(prev: ActionResult = initialActionResult, outcome: Outcome): ActionResult {
  const errors: Record<string, string> = {};
  for (const error of outcome.errors ?? []) errors[error.field] ??= error.message;
  return { ok: false, errors, message: outcome.message, values: outcome.values, attempt: prev.attempt + 1 };
}

/**
 * The refusals a user can fix or should hear about, as an answer: invalid input on its fields, a refusal that
 * names a field on that field, the rest as the form's message. Anything else (a bug, or Next's redirect) is thrown
 * on, to the error boundary or to Next.
 */
export function refusal(error: unknown, prev?: ActionResult, values?: Record<string, string>): ActionResult {
  if (error instanceof ValidationError) return actionFailure(prev, { errors: error.errors, values });
  if ((error instanceof ForbiddenError || error instanceof ConflictError) && error.field) {
    return actionFailure(prev, { errors: [{ field: error.field, message: error.message }], values });
  }
  if (
    error instanceof ForbiddenError ||
    error instanceof PreconditionFailedError ||
    error instanceof ConflictError ||
    error instanceof NotFoundError ||
    error instanceof TooManyRequestsError
  ) {
    return actionFailure(prev, { message: error.message, values });
  }
  throw error;
}

/** Runs an action's work and answers its refusals (see `refusal`); the work's own answer, or success. */
export async function answering(
  work: () => Promise<ActionResult | void>,
  prev?: ActionResult,
  values?: Record<string, string>,
): Promise<ActionResult> {
  try {
    return (await work()) ?? actionSuccess(prev);
  } catch (error) {
    return refusal(error, prev, values);
  }
}

/** A form's text fields (Next's own `$ACTION…` fields left out). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

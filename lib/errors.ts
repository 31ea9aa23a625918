/** Domain errors. The HTTP edge maps each to its problem+json status; nothing else needs to know about HTTP. */
export type FieldError = { field: string; message: string };

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly title: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message = "The request could not be read.") {
    super(message, 400, "Bad Request");
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "Authentication is required.") {
    super(message, 401, "Unauthorized");
  }
}

export class ForbiddenError extends DomainError {
  /** `field`: the input the refusal is about, when there is one (a form shows the message there). */
  constructor(
    message = "Your role does not allow this action.",
    readonly field?: string,
  ) {
    super(message, 403, "Forbidden");
  }
}

export class NotFoundError extends DomainError {
  constructor(resource = "Resource") {
    super(`${resource} not found.`, 404, "Not Found");
  }
}

export class ConflictError extends DomainError {
  /** `field`: the input the conflict is about, when there is one (a form shows the message there). */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message, 409, "Conflict");
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(message = "The resource was changed by someone else; reload it and try again.") {
    super(message, 412, "Precondition Failed");
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`, 413, "Content Too Large");
  }
}

export class ValidationError extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; ") || "Invalid input.", 422, "Unprocessable Content");
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`, 429, "Too Many Requests");
  }
}

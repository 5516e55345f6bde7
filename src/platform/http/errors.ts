// Errors a service may throw; the HTTP layer turns them into RFC 9457
// application/problem+json and the CLI into a message and exit code.
export interface FieldError {
  /** JSON path of the bad field, e.g. "body.sites.0.address" */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    detail?: string,
    public readonly errors: FieldError[] = [],
    public readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what = 'Resource') => new AppError(404, 'Not Found', `${what} not found.`);
export const forbidden = (detail = 'Your role does not allow this action.') => new AppError(403, 'Forbidden', detail);
export const unauthorized = (detail = 'Sign in or send an API token.') => new AppError(401, 'Unauthorized', detail);
export const conflict = (detail: string, errors: FieldError[] = []) => new AppError(409, 'Conflict', detail, errors);
export const invalid = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new AppError(400, 'Invalid request', detail, errors);

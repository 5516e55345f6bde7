import { ApiError } from './api';

/** The message to show for a failed request. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Field errors of a failed request ({} when it was not a validation problem). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/**
 * Looks up the error for one input by its API path ("sites.0.address"). An
 * error on a list item's child also marks nothing else: each input asks for
 * exactly its own path.
 */
export type FieldErrorLookup = (path: string) => string | undefined;

export function fieldErrorLookup(errors: Record<string, string>, prefix = ''): FieldErrorLookup {
  return (path) => errors[prefix + path];
}

/** Field errors no input on the form shows (their path starts with none of `placed`). */
export function unplacedErrors(errors: Record<string, string>, placed: string[]): [string, string][] {
  return Object.entries(errors).filter(([field]) => !placed.some((p) => field === p || field.startsWith(`${p}.`)));
}

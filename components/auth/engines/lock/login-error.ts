/** What auth0-js and Lock put in an `authorization_error`: shapes vary by where it failed. */
interface Auth0ErrorLike {
  error?: unknown;
  errorDescription?: unknown;
  error_description?: unknown;
  description?: unknown;
}

/** A sentence for the page from whatever Lock or auth0-js reported. */
export function loginErrorMessage(error: unknown): string {
  const fields = typeof error === 'object' && error !== null ? (error as Auth0ErrorLike) : {};
  const detail = [fields.errorDescription, fields.error_description, fields.description, fields.error].find(
    (value): value is string => typeof value === 'string' && value.trim() !== ''
  );
  return detail ? `Login failed: ${detail}` : 'Login failed. Please try again.';
}

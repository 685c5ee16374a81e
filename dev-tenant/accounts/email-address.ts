// What the tenant takes as an email, wherever one comes in (sign-up, login, password reset, the
// control API, DEV_TENANT_USERS): well-formed Unicode without control characters. A lone surrogate
// becomes U+FFFD in the UTF-8 that user ids hash, so two such emails would share one `sub`; a control
// character (ESC, BEL, NUL…) has no place in an address and could drive a terminal from a log line.

/** C0 controls, DEL and C1 controls. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/** Loose on purpose (one "@", no spaces, at most 254 characters), like the check Lock runs in the browser. */
export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(value);
}

/** Why `value` (trimmed, as emails are compared) cannot even be looked up as an email; undefined when it can. */
export function emailTextProblem(value: string): string | undefined {
  const email = value.trim();
  if (!email.isWellFormed()) return 'is not well-formed Unicode (it has a lone surrogate)';
  if (CONTROL_CHARACTER.test(email)) return 'contains a control character';
  return undefined;
}

/** Why `value`, as given (no trimming), cannot be a new user's email; undefined when it can. */
export function emailProblem(value: string): string | undefined {
  return emailTextProblem(value) ?? (looksLikeEmail(value) ? undefined : 'is not an email address');
}

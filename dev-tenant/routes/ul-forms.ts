// The Universal Login pages' HTML: log in, sign up, forgotten password. Stable ids for tests and
// password managers: #username, #password, button[type=submit][name=action], and the error in
// #error-message (role=alert, so screen readers announce it when the page comes back with it).
import { escapeHtml } from '../http/helpers';
import type { UlPage } from '../http/ul-page';

/** What every form of a transaction carries, and what the page shows again after a refusal. */
export interface FormView {
  readonly transactionId: string;
  readonly csrfToken: string;
  readonly email?: string;
  readonly error?: string;
  /** Shown under the error, as given (the password policy's rules). */
  readonly errorDetail?: string;
}

/** Which links the tenant's settings allow. */
export interface FormLinks {
  readonly signup: boolean;
  readonly forgotPassword: boolean;
}

const stateQuery = (view: FormView): string => `?state=${encodeURIComponent(view.transactionId)}`;

function errorRegion(view: FormView): string {
  if (view.error === undefined) return '';
  const detail = view.errorDetail === undefined ? '' : `\n<pre class="rules">${escapeHtml(view.errorDetail)}</pre>`;
  return `<div id="error-message" class="error" role="alert">${escapeHtml(view.error)}${detail}</div>`;
}

/** The field attributes that tie a field to the error region. */
function invalidAttributes(view: FormView): string {
  return view.error === undefined ? '' : ' aria-invalid="true" aria-describedby="error-message"';
}

/** A page of one form: heading, intro, the error region, the form with its hidden fields, the links under it. */
interface FormScreen {
  readonly title: string;
  readonly heading: string;
  /** Already escaped. */
  readonly intro: string;
  readonly action: string;
  readonly fields: readonly string[];
  readonly after: string;
}

function formPage(view: FormView, screen: FormScreen): UlPage {
  return {
    title: screen.title,
    mainHtml: [
      `<h1>${screen.heading}</h1>`,
      `<p class="intro">${screen.intro}</p>`,
      errorRegion(view),
      `<form method="post" action="${screen.action}">`,
      `<input type="hidden" name="state" value="${escapeHtml(view.transactionId)}">`,
      `<input type="hidden" name="_csrf" value="${escapeHtml(view.csrfToken)}">`,
      ...screen.fields,
      '<button type="submit" name="action" value="default">Continue</button>',
      '</form>',
      screen.after
    ]
      .filter((line) => line !== '')
      .join('\n')
  };
}

function emailField(view: FormView, name: string): string {
  return (
    '<label for="username">Email address</label>\n' +
    `<input id="username" name="${name}" type="email" autocomplete="username" required autofocus` +
    ` value="${escapeHtml(view.email ?? '')}"${invalidAttributes(view)}>`
  );
}

function passwordField(view: FormView, autocomplete: 'current-password' | 'new-password'): string {
  return (
    '<label for="password">Password</label>\n' +
    `<input id="password" name="password" type="password" autocomplete="${autocomplete}" required${invalidAttributes(view)}>`
  );
}

export function loginPage(view: FormView, links: FormLinks, tenantName: string): UlPage {
  const forgot = `<p><a id="forgot-password" href="/u/reset-password${stateQuery(view)}">Forgot password?</a></p>`;
  const signup = `<p class="links">Don&rsquo;t have an account? <a id="signup-link" href="/u/signup${stateQuery(view)}">Sign up</a></p>`;
  return formPage(view, {
    title: 'Log in',
    heading: 'Welcome',
    intro: `Log in to ${escapeHtml(tenantName)} to continue.`,
    action: '/u/login',
    fields: [emailField(view, 'username'), passwordField(view, 'current-password'), links.forgotPassword ? forgot : ''],
    after: links.signup ? signup : ''
  });
}

export function signupPage(view: FormView, tenantName: string): UlPage {
  return formPage(view, {
    title: 'Sign up',
    heading: 'Create your account',
    intro: `Sign up to ${escapeHtml(tenantName)} to continue.`,
    action: '/u/signup',
    fields: [emailField(view, 'email'), passwordField(view, 'new-password')],
    after: `<p class="links">Already have an account? <a id="login-link" href="/u/login${stateQuery(view)}">Log in</a></p>`
  });
}

export function resetPasswordPage(view: FormView): UlPage {
  return formPage(view, {
    title: 'Reset your password',
    heading: 'Forgot your password?',
    intro: 'Enter your email address and we will send you instructions to reset your password.',
    action: '/u/reset-password',
    fields: [emailField(view, 'email')],
    after: `<p class="links"><a id="login-link" href="/u/login${stateQuery(view)}">Back to log in</a></p>`
  });
}
/** After the reset request: the same words whether or not the email has an account. */
export function resetSentPage(transactionId: string, text: string): UlPage {
  return {
    title: 'Check your email',
    mainHtml: [
      '<h1>Check your email</h1>',
      `<p id="reset-sent" class="intro">${escapeHtml(text)}</p>`,
      `<p class="links"><a id="login-link" href="/u/login?state=${encodeURIComponent(transactionId)}">Back to log in</a></p>`
    ].join('\n')
  };
}

/** A page without a usable transaction: expired, used, or never issued. */
export function noTransactionPage(text: string): UlPage {
  return { title: 'Log in', mainHtml: `<h1>Log in</h1>\n<div id="error-message" class="error" role="alert">${escapeHtml(text)}</div>` };
}

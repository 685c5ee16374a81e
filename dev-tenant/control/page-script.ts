// The script of the tenant's page at `/` (served as /control/page.js, transpiled by page.ts): renders
// users, sessions, refresh-token families and the outbox from the control API, with DOM text only (never HTML), and wires the buttons.
// Type-only imports: esbuild drops them, so the served script stays one self-contained file.
import type { RefreshTokenFamilyJson as Family } from './routes-refresh-tokens';
import type { SessionJson as Session } from './routes-sessions';
import type { EmailJson as Email } from './routes-tenant';
import type { UserJson as User } from './routes-users';

type Cell = string | HTMLElement;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The page has no #${id}`);
  return found;
}

function showStatus(text: string): void {
  element('status').textContent = text;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (method !== 'GET') init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  if (method !== 'GET') init.body = JSON.stringify(body ?? {});
  const response = await fetch(path, init);
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { error_description?: string };
    throw new Error(`${method} ${path}: ${response.status} ${problem.error_description ?? ''}`);
  }
  return (response.status === 204 ? {} : await response.json()) as T;
}

function button(label: string, accessibleName: string, action: () => Promise<unknown>): HTMLButtonElement {
  const control = document.createElement('button');
  control.type = 'button';
  control.textContent = label;
  control.setAttribute('aria-label', accessibleName);
  control.addEventListener('click', () => {
    void run(action);
  });
  return control;
}

function actions(...buttons: HTMLElement[]): HTMLElement {
  const cell = document.createElement('span');
  cell.append(...buttons);
  return cell;
}

/** A link only for http(s) URLs: the outbox's links come from the tenant, but the page trusts no string. */
function link(url: string): Cell {
  if (!/^https?:\/\//i.test(url)) return url;
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.textContent = url;
  return anchor;
}

function fillTable(id: string, rows: readonly (readonly Cell[])[], empty: string): void {
  const body = element(id).querySelector('tbody');
  if (body === null) return;
  body.replaceChildren(
    ...(rows.length === 0 ? [[empty]] : rows).map((cells) => {
      const row = document.createElement('tr');
      for (const value of cells) {
        const cell = document.createElement('td');
        cell.append(value);
        row.append(cell);
      }
      return row;
    })
  );
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const userPath = (user: User): string => `/control/users/${encodeURIComponent(user.user_id)}`;

function userRow(user: User): Cell[] {
  const buttons = [
    button(user.blocked ? 'Unblock' : 'Block', `${user.blocked ? 'Unblock' : 'Block'} ${user.email}`, () =>
      call('PATCH', userPath(user), { blocked: !user.blocked })
    )
  ];
  if (!user.email_verified)
    buttons.push(button('Verify', `Verify ${user.email}`, () => call('PATCH', userPath(user), { email_verified: true })));
  buttons.push(button('Delete', `Delete ${user.email}`, () => call('DELETE', userPath(user))));
  return [user.email, user.name, yesNo(user.email_verified), yesNo(user.blocked), user.source, actions(...buttons)];
}

function sessionRow(session: Session): Cell[] {
  const target = session.user_id === null ? {} : { user_id: session.user_id };
  return [
    session.email,
    session.created_at,
    session.last_interaction_at,
    session.idle_expires_at,
    session.expires_at,
    actions(
      button('Expire', `Expire the sessions of ${session.email}`, () => call('POST', '/control/sessions/expire', target)),
      button('Revoke', `Revoke the sessions of ${session.email}`, () => call('POST', '/control/sessions/revoke', target))
    )
  ];
}

/** One family: who holds it (email when the user still exists), its lifetimes, and ending it now. */
function familyRow(family: Family, emails: ReadonlyMap<string, string>): Cell[] {
  const holder = emails.get(family.user_id) ?? family.user_id;
  const target = { id: family.id };
  return [
    holder,
    family.client_id,
    family.scope,
    String(family.rotations),
    family.created_at,
    family.idle_expires_at,
    family.expires_at,
    actions(
      button('Expire', `Expire the refresh token ${family.id} of ${holder}`, () => call('POST', '/control/refresh-tokens/expire', target)),
      button('Revoke', `Revoke the refresh token ${family.id} of ${holder}`, () => call('POST', '/control/refresh-tokens/revoke', target))
    )
  ];
}

async function refresh(): Promise<void> {
  const [users, sessions, families, outbox] = await Promise.all([
    call<{ users: User[] }>('GET', '/control/users'),
    call<{ sessions: Session[] }>('GET', '/control/sessions'),
    call<{ refresh_tokens: Family[] }>('GET', '/control/refresh-tokens'),
    call<{ emails: Email[] }>('GET', '/control/outbox')
  ]);
  fillTable('users', users.users.map(userRow), 'No users.');
  fillTable('sessions', sessions.sessions.map(sessionRow), 'No live sessions.');
  const emails = new Map(users.users.map((user) => [user.user_id, user.email]));
  fillTable(
    'refresh-tokens',
    families.refresh_tokens.map((family) => familyRow(family, emails)),
    'No live refresh tokens.'
  );
  fillTable(
    'outbox',
    outbox.emails.map((email) => [email.sent_at, email.kind, email.to, email.subject, link(email.link)]),
    'No emails yet.'
  );
}

/** Runs an action, then shows the tenant as it now is; a failure is shown, never thrown away. */
async function run(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
    await refresh();
    showStatus(`Updated ${new Date().toLocaleTimeString()}`);
  } catch (error) {
    showStatus(error instanceof Error ? error.message : String(error));
  }
}

function wire(id: string, action: () => Promise<unknown>): void {
  element(id).addEventListener('click', () => {
    void run(action);
  });
}

wire('refresh', () => Promise.resolve());
wire('reset', () => call('POST', '/control/reset'));
wire('expire-all', () => call('POST', '/control/sessions/expire'));
wire('revoke-all', () => call('POST', '/control/sessions/revoke'));
wire('expire-all-refresh-tokens', () => call('POST', '/control/refresh-tokens/expire'));
wire('revoke-all-refresh-tokens', () => call('POST', '/control/refresh-tokens/revoke'));
wire('clear-outbox', () => call('DELETE', '/control/outbox'));
void run(() => Promise.resolve());

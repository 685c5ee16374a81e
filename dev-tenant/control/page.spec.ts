// The page's refresh-token table, run in jsdom against a stubbed control API: rows as the API lists
// them, and each button posting the family it names (the page's e2e covers the other tables in browsers).
import { JSDOM } from 'jsdom';
import { PAGE_HTML, pageScriptJs } from './page';
import type { RefreshTokenFamilyJson } from './routes-refresh-tokens';

const FAMILY: RefreshTokenFamilyJson = {
  id: 'family-handle-000000001',
  user_id: 'auth0|1',
  client_id: 'dev-tenant-client',
  scope: 'openid offline_access',
  audience: null,
  created_at: '2026-12-07T00:00:00.000Z',
  idle_expires_at: '2026-12-22T00:00:00.000Z',
  expires_at: '2027-01-06T00:00:00.000Z',
  rotations: 3
};

const API: Readonly<Record<string, unknown>> = {
  '/control/users': { users: [{ user_id: 'auth0|1', email: 'holder@example.com', name: 'Holder', email_verified: true, blocked: false }] },
  '/control/sessions': { sessions: [] },
  '/control/refresh-tokens': { refresh_tokens: [FAMILY] },
  '/control/outbox': { emails: [] }
};

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** The page with its script running in jsdom; every control API call recorded and answered from API. */
async function openPage(): Promise<{ readonly dom: JSDOM; readonly calls: Call[] }> {
  const dom = new JSDOM(PAGE_HTML, { runScripts: 'outside-only', url: 'http://localhost:3001/' });
  const calls: Call[] = [];
  dom.window.fetch = (path: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ method, path, body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined });
    return Promise.resolve(new Response(JSON.stringify(method === 'GET' ? API[path] : {}), { status: 200 }));
  };
  dom.window.eval(pageScriptJs());
  await rendered(dom);
  return { dom, calls };
}

/** Waits until the page shows its tables (the script fills them after its API calls answer). */
async function rendered(dom: JSDOM): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((dom.window.document.getElementById('status')?.textContent ?? '') !== '') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the page never finished rendering');
}

function button(dom: JSDOM, name: string): HTMLButtonElement {
  const found = [...dom.window.document.querySelectorAll('button')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name
  );
  if (found === undefined) throw new Error(`no button named ${name}`);
  return found;
}

describe('the tenant page: refresh tokens', () => {
  it('lists each family with its holder’s email, lifetimes and rotations', async () => {
    const { dom } = await openPage();
    const cells = [...dom.window.document.querySelectorAll('#refresh-tokens tbody tr td')].map((cell) => cell.textContent);
    expect(cells).toEqual([
      'holder@example.com',
      'dev-tenant-client',
      'openid offline_access',
      '3',
      FAMILY.created_at,
      FAMILY.idle_expires_at,
      FAMILY.expires_at,
      'ExpireRevoke'
    ]);
  });

  it.each(['expire', 'revoke'])('%ss one family, then all of them', async (action) => {
    const { dom, calls } = await openPage();
    const label = `${action.charAt(0).toUpperCase()}${action.slice(1)}`;
    button(dom, `${label} the refresh token ${FAMILY.id} of holder@example.com`).click();
    button(dom, `${label} all refresh tokens`).click();
    await rendered(dom);
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts).toEqual([
      { method: 'POST', path: `/control/refresh-tokens/${action}`, body: { id: FAMILY.id } },
      { method: 'POST', path: `/control/refresh-tokens/${action}`, body: {} }
    ]);
  });
});

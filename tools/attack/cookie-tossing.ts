// Issue 17's login CSRF by cookie tossing: cookies do not separate ports, so a page on another port
// of the app's host plants, in the victim's browser, the binding cookies of the attacker's own
// /co/authenticate (`auth0_co_<co_id>`, `auth0_co_page`) and sends it to /authorize with the
// attacker's login_ticket. Held when no variant opens the attacker's session in the victim's browser.
import { decodeJwt } from 'jose';
import { request, setCookies, type Reply } from './harness';

/** What main.ts already has: its tenant, its requests as Lock makes them, and its report. */
export interface TossingTools {
  readonly tenant: string;
  readonly appOrigin: string;
  readonly password: string;
  signUp(email: string): Promise<Reply>;
  coAuthenticate(email: string, password: string): Promise<Reply>;
  /** GET /authorize with these cookies, opened by the app's page unless `referer` says otherwise (null: none). */
  authorize(params: Record<string, string>, cookies: string[], referer?: string | null): Promise<Reply>;
  login(email: string, password: string, from?: string): Promise<{ jar: string[] }>;
  record(attack: string, held: boolean, detail: string): void;
}

const ATTACKER = 'tosser@example.com';
const VICTIM = { email: 'dev@example.com', password: 'dev-password', from: '127.0.0.6' };

interface AttackerTicket {
  readonly ticket: string;
  readonly coVerifier: string;
  /** The `auth0_co_<co_id>=…` pair its /co/authenticate set: every value a planted cookie needs. */
  readonly bindingCookie: string;
}

function fragmentOf(reply: Reply): URLSearchParams {
  const location = reply.headers.location ?? '';
  return new URLSearchParams(location.slice(location.indexOf('#') + 1));
}

/** The id_token's email in a web_message page, or the page's error. */
function renewedAs(page: Reply): string {
  const idToken = /"id_token":"([\w.-]+)"/.exec(page.body)?.[1];
  return idToken === undefined ? `no id_token (${page.status})` : String(decodeJwt(idToken).email);
}

export async function cookieTossing(tools: TossingTools): Promise<void> {
  const sibling = new URL(tools.appOrigin);
  sibling.port = String(Number(sibling.port) + 9);
  const siblingPage = `${sibling.origin}/toss.html`;
  const discovery = JSON.parse((await request(`${tools.tenant}/.well-known/openid-configuration`)).body) as { issuer: string };
  const tenantOrigin = new URL(discovery.issuer).origin;
  await tools.signUp(ATTACKER);
  const victim = await tools.login(VICTIM.email, VICTIM.password, VICTIM.from);

  const mint = async (): Promise<AttackerTicket> => {
    const co = await tools.coAuthenticate(ATTACKER, tools.password);
    const body = JSON.parse(co.body) as { login_ticket: string; co_verifier: string };
    const bindingCookie = setCookies(co).find((pair) => pair.startsWith('auth0_co_')) ?? '';
    return { ticket: body.login_ticket, coVerifier: body.co_verifier, bindingCookie };
  };
  const params = (ticket: AttackerTicket) => ({ login_ticket: ticket.ticket });
  // Settles the ticket; its 303 back to /authorize is then requested by tools.authorize.
  const postVerifier = (ticket: AttackerTicket, origin: string, cookies: string[], page: string) =>
    request(`${tools.tenant}/co/verify?${new URLSearchParams(params(ticket)).toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie: cookies.join('; ') },
      body: new URLSearchParams({ verifier: ticket.coVerifier, page }).toString()
    });

  const outcomes: [string, Reply][] = [];
  // 1, 2: the planted auth0_co_<co_id>, the victim sent from the sibling page (its Referer, or none).
  for (const referer of [siblingPage, null]) {
    const ticket = await mint();
    outcomes.push([
      `planted auth0_co_ (${referer === null ? 'no Referer' : 'sibling Referer'})`,
      await tools.authorize(params(ticket), [...victim.jar, ticket.bindingCookie], referer)
    ]);
  }
  // 3: a planted auth0_co_page, and the sibling page's post to /co/verify echoing it.
  {
    const ticket = await mint();
    const planted = [...victim.jar, 'auth0_co_page=tossed'];
    await postVerifier(ticket, sibling.origin, planted, 'tossed');
    outcomes.push(['planted auth0_co_page + forged /co/verify', await tools.authorize(params(ticket), planted, null)]);
  }
  // 4: the attacker's own client walks the ticket through the fallback, forging the app's Referer and the
  // tenant's Origin (outside a browser every header is free), then the victim's browser redeems it.
  {
    const ticket = await mint();
    const page = await tools.authorize(params(ticket), [], `${tools.appOrigin}/`);
    const secret = /name="page" value="([\w-]+)"/.exec(page.body)?.[1] ?? '';
    await postVerifier(ticket, tenantOrigin, setCookies(page), secret);
    outcomes.push([
      'ticket verified by its own client, redeemed by the victim',
      await tools.authorize(params(ticket), [...victim.jar, ticket.bindingCookie, ...setCookies(page)], siblingPage)
    ]);
  }

  const renewal = await tools.authorize({ prompt: 'none', response_mode: 'web_message' }, victim.jar);
  const victimKept = renewedAs(renewal) === VICTIM.email;
  const refused = outcomes.filter(
    ([, reply]) => !fragmentOf(reply).has('id_token') && !setCookies(reply).some((pair) => pair.startsWith('auth0='))
  );
  tools.record(
    "10 login CSRF by cookie tossing (a sibling port plants the attacker's binding cookies in the victim's browser)",
    refused.length === outcomes.length && victimKept,
    `${refused.length}/${outcomes.length} variants refused (${outcomes.map(([name, reply]) => `${name}: ${fragmentOf(reply).get('error') ?? 'TOKENS ISSUED'}`).join('; ')}); the victim's renewal: ${renewedAs(renewal)}`
  );
}

// Issue 17, "login CSRF by cookie tossing": cookies do not separate ports, so a page on another
// localhost port plants the binding cookies of the attacker's own /co/authenticate in the victim's
// browser and sends it to /authorize with the attacker's ticket. The victim must keep its own session.
import { decodeJwt } from 'jose';
import {
  useTestTenant,
  postJson,
  signUpBody,
  credentials,
  fullLogin,
  sessionCookieOf,
  silentRenewal,
  coAuthenticate,
  verifierCookieOf,
  cookieHeader,
  authorize,
  authorizeParams,
  fragmentOf,
  APP_REFERER,
  SIBLING_ORIGIN,
  postVerifier,
  readVerificationPage,
  fromVerificationPage
} from '../testing/test-support';
import { FOREIGN_TICKET_ARRIVAL } from './ticket-arrival';

const ATTACKER = credentials('mallory@example.com', 'Mallory-pass-1');
/** The Referer of a navigation from the sibling page: its URL, or none at all (its own no-referrer policy). */
const SIBLING_REFERERS: [string, string | null][] = [
  ['a Referer naming it', `${SIBLING_ORIGIN}/toss.html`],
  ['no Referer', null]
];

describe('row 12: login CSRF by cookie tossing (issue 17)', () => {
  const t = useTestTenant();
  let victim: string | undefined;

  beforeAll(async () => {
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody(ATTACKER.username, ATTACKER.password))).status).toBe(200);
  });

  beforeEach(async () => {
    victim = sessionCookieOf(await fullLogin(t.tenant));
    expect(victim).toBeDefined();
  });

  /** The attacker's own /co/authenticate, from its own client: the ticket, and every value its cookie holds. */
  async function attackerTicket(): Promise<{ params: Record<string, string>; coVerifier: string; bindingCookie: string }> {
    const co = await coAuthenticate(t.tenant, ATTACKER);
    const body = (await co.json()) as { login_ticket: string; co_verifier: string };
    const bindingCookie = verifierCookieOf(co);
    if (bindingCookie === undefined) throw new Error('/co/authenticate set no binding cookie');
    return { params: authorizeParams({ login_ticket: body.login_ticket }), coVerifier: body.co_verifier, bindingCookie };
  }

  /** The redirect must carry no tokens and set no session; the victim's next renewal is still the victim. */
  async function expectVictimKept(res: Response, description: string): Promise<void> {
    expect(Object.fromEntries(fragmentOf(res))).toEqual({ error: 'invalid_request', error_description: description, state: 'state-1' });
    expect(sessionCookieOf(res)).toBeUndefined();
    const idToken = (await silentRenewal(t.tenant, victim)).response.id_token ?? '';
    expect(decodeJwt(idToken).email).toBe('dev@example.com');
  }

  it.each(SIBLING_REFERERS)(
    'the planted auth0_co_<co_id> cookie, the victim sent to /authorize by the sibling page with %s: refused',
    async (_case, referer) => {
      const { params, bindingCookie } = await attackerTicket();
      const res = await authorize(t.tenant, params, cookieHeader(victim, bindingCookie), referer);
      await expectVictimKept(res, FOREIGN_TICKET_ARRIVAL);
      // Used up: the attacker cannot try again with it.
      expect(fragmentOf(await authorize(t.tenant, params, bindingCookie)).get('error')).toBe('access_denied');
    }
  );

  it.each(SIBLING_REFERERS)(
    'a planted auth0_co_page cookie and a post to /co/verify echoing it, from the sibling page, then back with %s: refused',
    async (_case, referer) => {
      const { params, coVerifier } = await attackerTicket();
      const planted = { secret: 'planted-page-secret', cookie: `${victim ?? ''}; auth0_co_page=planted-page-secret` };
      const res = await postVerifier(t.tenant, params, coVerifier, { origin: SIBLING_ORIGIN, page: planted, referer });
      await expectVictimKept(res, 'Invalid verifier.');
    }
  );

  it("the same post, even if its way back could name the tenant's page: the sibling's Origin settles nothing", async () => {
    const { params, coVerifier } = await attackerTicket();
    const planted = { secret: 'planted-page-secret', cookie: `${victim ?? ''}; auth0_co_page=planted-page-secret` };
    const tenantPage = fromVerificationPage(t.tenant, params, { html: '', ...planted });
    const res = await postVerifier(t.tenant, params, coVerifier, { ...tenantPage, origin: SIBLING_ORIGIN });
    await expectVictimKept(res, 'Invalid verifier.');
  });

  it.each(SIBLING_REFERERS)(
    "a ticket the attacker's own client had verified (forging the app's Referer and the tenant's Origin), redeemed by the victim with %s: refused",
    async (_case, referer) => {
      const { params, coVerifier, bindingCookie } = await attackerTicket();
      // Outside a browser every header can be forged: the attacker walks its ticket through the fallback.
      const page = await readVerificationPage(await authorize(t.tenant, params, undefined, APP_REFERER));
      const verify = await fetch(`${t.tenant.url}/co/verify?${new URLSearchParams(params).toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.tenant.url, cookie: page.cookie ?? '' },
        body: new URLSearchParams({ verifier: coVerifier, page: page.secret }).toString(),
        redirect: 'manual'
      });
      expect(verify.status).toBe(303);
      // …then plants its cookies in the victim's browser and sends it to the way back.
      const res = await authorize(t.tenant, params, cookieHeader(victim, bindingCookie, page.cookie), referer);
      await expectVictimKept(res, FOREIGN_TICKET_ARRIVAL);
    }
  );

  it("the app's own page brings its ticket back: logged in straight away, as before", async () => {
    const co = await coAuthenticate(t.tenant, ATTACKER);
    const { login_ticket: ticket } = (await co.json()) as { login_ticket: string };
    const res = await authorize(t.tenant, authorizeParams({ login_ticket: ticket }), verifierCookieOf(co), APP_REFERER);
    expect(decodeJwt(fragmentOf(res).get('id_token') ?? '').email).toBe(ATTACKER.username);
  });
});

// dist-lib/callback-cross-auth.html at work in jsdom (build-lib runs it): framed by a tenant with
// `#origin=<tenant>`, it says it is ready and answers the tenant's `co_verifier_request` with the
// verifier auth0-js stored on the app's origin at login, then forgets it, as Auth0's fallback needs.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { JSDOM, ResourceLoader, VirtualConsole, type AbortablePromise } from 'jsdom';
import { FALLBACK_PAGE, FALLBACK_SCRIPT } from './paths';

const APP_DIR = 'http://app.test/vendor/';
const TENANT = 'http://tenant.test';
const LOGIN_ID = 'a-co-id';
const VERIFIER = 'the-co-verifier';
const ANSWER_WAIT_MS = 5000;

/** Serves the page's script beside it, and nothing else. */
class ScriptLoader extends ResourceLoader {
  constructor(private readonly file: string) {
    super();
  }

  override fetch(url: string): AbortablePromise<Buffer> | null {
    return url === APP_DIR + FALLBACK_SCRIPT ? Object.assign(Promise.resolve(readFileSync(this.file)), { abort: () => undefined }) : null;
  }
}

interface Posted {
  readonly message: unknown;
  readonly targetOrigin: string;
}

/** Throws, saying what went wrong, unless the page answers the tenant with the stored verifier. */
export async function checkFallbackPage(dir: string): Promise<void> {
  const fail = (message: string): never => {
    throw new Error(`check-lib: ${FALLBACK_PAGE}: ${message}`);
  };
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error: Error) => errors.push(error.message));
  // auth0-js's login stored the verifier in a cookie as js-cookie writes it: the key URI-encoded, path /.
  const key = ['co/verifier', encodeURIComponent(TENANT), LOGIN_ID].join('/');
  const dom = new JSDOM(readFileSync(path.join(dir, FALLBACK_PAGE), 'utf8'), {
    url: `${APP_DIR}${FALLBACK_PAGE}#origin=${encodeURIComponent(TENANT)}`,
    runScripts: 'dangerously',
    resources: new ScriptLoader(path.join(dir, FALLBACK_SCRIPT)),
    virtualConsole,
    beforeParse(window) {
      window.document.cookie = `${encodeURIComponent(key)}=${VERIFIER}; path=/`;
    }
  });
  const { window } = dom;
  // Unframed, the page's parent is itself: what it posts to its parent and to the tenant is recorded here.
  const posted: Posted[] = [];
  window.postMessage = ((message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin })) as typeof window.postMessage;
  try {
    await new Promise((resolve) => {
      window.addEventListener('load', resolve);
    });
    if (errors.length > 0) fail(`the page reported errors: ${errors.join('; ')}`);
    if (JSON.stringify(posted[0]) !== JSON.stringify({ message: { type: 'ready' }, targetOrigin: TENANT })) {
      fail(`it did not post "ready" to the tenant: ${JSON.stringify(posted)}`);
    }
    const request = { type: 'co_verifier_request', request: { id: LOGIN_ID } };
    window.dispatchEvent(
      new window.MessageEvent('message', { data: request, origin: TENANT, source: window as unknown as MessageEventSource })
    );
    const until = Date.now() + ANSWER_WAIT_MS;
    while (posted.length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    const answer = { message: { type: 'co_verifier_response', response: { verifier: VERIFIER } }, targetOrigin: TENANT };
    if (JSON.stringify(posted[1]) !== JSON.stringify(answer))
      fail(`it answered ${JSON.stringify(posted[1])}, not ${JSON.stringify(answer)}`);
    if (window.document.cookie.includes(VERIFIER)) fail('it answered, but kept the verifier');
  } finally {
    window.close();
  }
}

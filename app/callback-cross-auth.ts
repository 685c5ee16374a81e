// The Cross-Origin Verification Fallback page (Auth0 dashboard: the application's Cross-Origin
// Verification Fallback URL). When the tenant's cookie did not come back with a login ticket, the
// tenant's /authorize page frames this page, and auth0-js hands it the verifier it stored at login
// (crossOriginVerification: a `co_verifier_request` message answered from this origin's storage).
// Its own webpack entry: no AngularJS, no Lock, and a CSP that only the tenant may frame it under.
// The library ships the same page (dist-lib/callback-cross-auth.html, webpack/lib.config.js).
import * as auth0 from 'auth0-js';

// crossOriginVerification() reads neither option: the verifier's key is the framing tenant's origin
// and the login's id (auth0-js 10, src/web-auth/cross-origin-authentication.js). WebAuth only
// requires both to be strings. So one page serves any tenant and needs no configuration.
new auth0.WebAuth({ domain: window.location.host, clientID: 'cross-origin-verification' }).crossOriginVerification();

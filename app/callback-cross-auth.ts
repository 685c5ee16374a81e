// The Cross-Origin Verification Fallback page (Auth0 dashboard: the application's Cross-Origin
// Verification Fallback URL). When the tenant's cookie did not come back with a login ticket, the
// tenant's /authorize page frames this page, and auth0-js hands it the verifier it stored at login
// (crossOriginVerification: a `co_verifier_request` message answered from this origin's storage).
// Its own webpack entry: no AngularJS, no Lock, and a CSP that only the tenant may frame it under.
import * as auth0 from 'auth0-js';
import { buildSettings } from './auth0-settings';

new auth0.WebAuth({ domain: buildSettings.domain, clientID: buildSettings.clientID }).crossOriginVerification();

// The module's localStorage keys, plain data: the e2e tests read the same entries.

/** The tutorial's storage key for the id_token. */
export const ID_TOKEN_KEY = 'id_token';
/** When this browser received the stored token, on its own clock (token-clock.ts). */
export const TOKEN_RECEIPT_KEY = 'auth.idTokenReceipt';
/** Which tab is renewing the token now (renewal-lease.ts). */
export const RENEWAL_LEASE_KEY = 'auth.renewalLease';

/** Every key the module keeps in localStorage, for an app that clears or inspects them. */
export const STORAGE_KEYS = { idToken: ID_TOKEN_KEY, tokenReceipt: TOKEN_RECEIPT_KEY, renewalLease: RENEWAL_LEASE_KEY } as const;

/** What angular-lock's `interceptHash` takes for a callback (its own test): the tenant is answering, not being asked. */
export const CALLBACK_HASH = /id_token=|access_token=|error=/;

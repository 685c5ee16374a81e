// Which origins the build's CSP names, by directive: only what this build talks to.
// settings: the build's auth0 settings (app/build-settings.ts), normalised (a real tenant's domain is a bare host).

/** Lock's dictionary (`languageBaseUrl`'s default) for a real tenant. */
const LOCK_CDN = 'https://cdn.auth0.com';

/** Where the tenant serves from: the dev tenant's URL as configured, `https://<domain>` for Auth0 (a custom domain too). */
function tenantOrigin(settings) {
  return settings.devTenant ? new URL(settings.domain).origin : `https://${settings.domain}`;
}

function connectionSources(settings) {
  const tenant = tenantOrigin(settings);
  // The Ping page's API: the dev tenant's demo API, or API_URL when set; nothing for a real tenant without it.
  const api = settings.apiUrl ? [new URL(settings.apiUrl).origin] : [];
  if (settings.loginMode === 'universal') {
    // auth0-spa-js only fetches /oauth/token and /oauth/revoke (the login page is a top-level navigation):
    // no tenant script, no frame. The dev tenant also serves the profile pictures.
    return { scripts: [], images: settings.devTenant ? [tenant] : [], connect: [tenant, ...api], frames: [] };
  }
  if (settings.devTenant) {
    // Lock's client configuration and dictionary are scripts on the dev tenant; it also serves the profile pictures.
    return { scripts: [tenant], images: [tenant], connect: [tenant, ...api], frames: [tenant] };
  }
  // Lock fetches the client configuration from the tenant, or with a custom domain from the region's CDN
  // (configurationBaseUrl); its logo is the app's own (app/auth0-settings.ts), so no image comes from elsewhere.
  const configuration = settings.configurationBaseUrl ? new URL(settings.configurationBaseUrl).origin : tenant;
  return { scripts: [...new Set([configuration, LOCK_CDN])], images: [], connect: [tenant, ...api], frames: [tenant] };
}

module.exports = { connectionSources, tenantOrigin };

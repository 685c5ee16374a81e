// The two scripts Lock loads from the tenant with <script> tags: the client configuration
// (Auth0.setClient) and its UI dictionary (Auth0.registerLanguageDictionary).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type RequestHandler } from 'express';
import { DATABASE_CONNECTION } from '../config/config';
import type { TenantContext } from './context';
import { jsonForScript } from '../http/helpers';

const CLIENT_SCRIPT = /^([A-Za-z0-9_-]{1,64})\.js$/;
const LANGUAGE_SCRIPT = /^([a-z]{2,3}(?:-[a-z]{2,4})?)\.js$/;

export function lockAssets({ config }: TenantContext): {
  readonly clientScript: RequestHandler<{ file: string }>;
  readonly languageScript: RequestHandler<{ version: string; file: string }>;
} {
  const clientScriptText = `Auth0.setClient(${jsonForScript(clientSettings(config))});\n`;

  // Lock appends "?t<timestamp>" to bust caches; the query is ignored.
  const clientScript: RequestHandler<{ file: string }> = (req, res, next) => {
    const match = CLIENT_SCRIPT.exec(req.params.file);
    if (match?.[1] !== config.clientId) {
      next();
      return;
    }
    res.type('application/javascript').set('Cache-Control', 'no-store').send(clientScriptText);
  };

  const lock = installedLock();
  const dictionaries = new Map<string, string>();
  const languageScript: RequestHandler<{ version: string; file: string }> = async (req, res, next) => {
    const language = LANGUAGE_SCRIPT.exec(req.params.file)?.[1];
    const file = language === undefined ? undefined : lock.dictionaryFiles.get(language);
    if (req.params.version !== lock.version || language === undefined || file === undefined) {
      next();
      return;
    }
    let script = dictionaries.get(language);
    if (script === undefined) {
      script = await dictionaryScript(language, file);
      dictionaries.set(language, script);
    }
    res.type('application/javascript').set('Cache-Control', 'public, max-age=3600').send(script);
  };

  return { clientScript, languageScript };
}

/** What Lock reads from the client script: one database connection, with only the controls this tenant serves. */
function clientSettings(config: TenantContext['config']): Record<string, unknown> {
  return {
    id: config.clientId,
    tenant: config.tenantName,
    // "free" and "dev" make Lock show a "Protected with Auth0" badge.
    subscription: 'enterprise',
    authorize: `${config.publicUrl}/authorize`,
    callback: config.callbackUrls[0],
    hasAllowedOrigins: true,
    strategies: [
      {
        name: 'auth0',
        connections: [
          // Lock shows the Sign Up tab and the forgot-password link only when the tenant serves them.
          { name: DATABASE_CONNECTION, showSignup: config.signup, showForgot: config.forgotPassword, passwordPolicy: config.passwordPolicy }
        ]
      }
    ]
  };
}

interface InstalledLock {
  readonly version: string;
  /** Language code → absolute path of the dictionary that ships with the installed auth0-lock. */
  readonly dictionaryFiles: ReadonlyMap<string, string>;
}

// Languages come from a directory listing, so a request path never reaches the file system.
function installedLock(): InstalledLock {
  const packageJson = require.resolve('auth0-lock/package.json');
  const { version } = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: unknown };
  if (typeof version !== 'string') throw new Error(`${packageJson} has no version`);
  const i18nDir = path.join(path.dirname(packageJson), 'lib', 'i18n');
  const dictionaryFiles = new Map<string, string>();
  for (const name of fs.readdirSync(i18nDir)) {
    const language = LANGUAGE_SCRIPT.exec(name)?.[1];
    if (language !== undefined) dictionaryFiles.set(language, path.join(i18nDir, name));
  }
  return { version, dictionaryFiles };
}

async function dictionaryScript(language: string, file: string): Promise<string> {
  const module = (await import(file)) as { default?: unknown };
  if (typeof module.default !== 'object' || module.default === null) throw new Error(`${file} has no dictionary`);
  return `Auth0.registerLanguageDictionary(${jsonForScript(language)}, ${jsonForScript(module.default)});\n`;
}

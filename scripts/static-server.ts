// Serves a production build (dist/): precompressed files, long caching for content-hashed names,
// no-cache for index.html, and the security headers the build wrote for itself.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';

/** webpack/security-headers.js writes the build's headers here (a dotfile, never served). */
export const HEADERS_FILE = '.security-headers.json';
/** The Cross-Origin Verification Fallback page and its own headers (webpack/static-host-headers.js): the tenant may frame it. */
const FALLBACK_PAGE_PATH = '/callback-cross-auth.html';
const FALLBACK_HEADERS_FILE = '.security-headers.callback-cross-auth.json';
/** Names webpack gave a [contenthash]: they never change content, so browsers may keep them a year. */
const HASHED_NAME = /\.[0-9a-f]{16,}\.\w+(\.map)?$/;
const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' }
] as const;

export function readBuildHeaders(distDir: string, name = HEADERS_FILE): Record<string, string> {
  const file = path.join(distDir, name);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build first with \`npm run build\`.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

export function createStaticServer(distDir: string): Express {
  const root = path.resolve(distDir);
  const securityHeaders = readBuildHeaders(root);
  const fallbackPageHeaders = readBuildHeaders(root, FALLBACK_HEADERS_FILE);
  const app = express();
  app.disable('x-powered-by');
  app.use((request, response, next) => {
    response.set(request.path === FALLBACK_PAGE_PATH ? fallbackPageHeaders : securityHeaders);
    next();
  });
  app.get(/.*/, (request, response) => {
    const relative = request.path === '/' ? 'index.html' : safeDecode(request.path.slice(1));
    const file = path.resolve(root, relative);
    const isInside = file.startsWith(root + path.sep);
    if (!isInside || relative.split(/[\\/]/).some((part) => part.startsWith('.')) || !isFile(file)) {
      response.status(404).type('text/plain').send('Not found');
      return;
    }
    sendFile(request, response, file);
  });
  return app;
}

function sendFile(request: Request, response: Response, file: string): void {
  response.type(path.extname(file));
  response.set('Cache-Control', HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  response.vary('Accept-Encoding');
  const encoding = ENCODINGS.find(
    (candidate) => request.acceptsEncodings(candidate.name) === candidate.name && isFile(file + candidate.extension)
  );
  if (encoding) {
    response.set('Content-Encoding', encoding.name);
  }
  response.sendFile(file + (encoding?.extension ?? ''), { dotfiles: 'allow' });
}

/** A malformed %-escape names no file: answered with 404, like any other unknown path. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '.invalid';
  }
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

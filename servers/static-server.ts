// Serves a production build (dist/): precompressed files, long caching for content-hashed names,
// no-cache for index.html, and the security headers the build wrote for itself.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { logError } from './log-text';

/** webpack/security-headers.js writes the build's headers here (a dotfile, never served). */
export const HEADERS_FILE = '.security-headers.json';
/** The Cross-Origin Verification Fallback page and its own headers (webpack/static-host-headers.js): the tenant may frame it. */
const FALLBACK_PAGE_PATH = '/callback-cross-auth.html';
export const FALLBACK_HEADERS_FILE = '.security-headers.callback-cross-auth.json';
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
  // The real path: a dist/ that is itself a symlink still serves, and what lies inside is judged by where it really is.
  const root = realpathSync(path.resolve(distDir));
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
    if (!isInside(root, file) || relative.split(/[\\/]/).some((part) => part.startsWith('.')) || !isFile(root, file)) {
      response.status(404).type('text/plain').send('Not found');
      return;
    }
    sendFile(request, response, root, file);
  });
  app.use(staticErrorHandler);
  return app;
}

/** A file that vanished or cannot be read mid-send, or a request express cannot parse: plain text, never a stack trace. */
const staticErrorHandler: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const status = (error as { status?: unknown } | null)?.status;
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  if (!clientError) logError('static server:', error);
  response
    .status(clientError ? status : 500)
    .type('text/plain')
    .send(clientError ? 'Bad request' : 'Server error');
};

function isInside(root: string, file: string): boolean {
  return file.startsWith(root + path.sep);
}

function sendFile(request: Request, response: Response, root: string, file: string): void {
  response.type(path.extname(file));
  response.set('Cache-Control', HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  response.vary('Accept-Encoding');
  const encoding = ENCODINGS.find(
    (candidate) => request.acceptsEncodings(candidate.name) === candidate.name && isFile(root, file + candidate.extension)
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

/** A regular file whose real path (symlinks followed) is still inside root: a link out of dist/ is not served. */
function isFile(root: string, file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return isInside(root, realpathSync(file)) && statSync(file).isFile();
  } catch {
    return false;
  }
}

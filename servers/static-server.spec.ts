// `npm run serve`'s static server: what it refuses (finding 8 of issue 9: symlinks out of dist/) and
// that no crafted request ends it (finding 1).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { craftedRequests, replayCrafted, sendRaw } from '../tools/crafted-requests';
import { listen, type ListeningServer } from './lifecycle';
import { createStaticServer, FALLBACK_HEADERS_FILE, HEADERS_FILE } from './static-server';

describe('static server (npm run serve)', () => {
  let base: string;
  let server: ListeningServer;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-test-'));
    const dist = path.join(base, 'dist');
    const outside = path.join(base, 'outside');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(dist, HEADERS_FILE), JSON.stringify({ 'X-Frame-Options': 'DENY' }));
    fs.writeFileSync(path.join(dist, FALLBACK_HEADERS_FILE), JSON.stringify({ 'Content-Security-Policy': "frame-ancestors 'self'" }));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(dist, 'callback-cross-auth.html'), '<!doctype html><title>fallback</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1);');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'outside dist');
    fs.writeFileSync(path.join(outside, 'secret.txt.gz'), 'outside dist, gzip');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dist, 'leak.txt'));
    fs.symlinkSync(outside, path.join(dist, 'linked-dir'));
    fs.symlinkSync(path.join(dist, 'assets', 'app.js'), path.join(dist, 'alias.js'));
    // A precompressed sibling that links out must not be sent in place of the real file either.
    fs.symlinkSync(path.join(outside, 'secret.txt.gz'), path.join(dist, 'assets', 'app.js.gz'));
    server = await listen('127.0.0.1', 0, createStaticServer(dist));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  const get = (urlPath: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${server.port}${urlPath}`, { headers });

  it('serves files and symlinks that stay inside dist/', async () => {
    expect((await get('/')).status).toBe(200);
    const alias = await get('/alias.js');
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('console.log(1);');
  });

  it("sends the build's headers, and the fallback page its own (the tenant may frame it)", async () => {
    expect((await get('/')).headers.get('x-frame-options')).toBe('DENY');
    const fallback = await get('/callback-cross-auth.html');
    expect(fallback.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(fallback.headers.get('x-frame-options')).toBeNull();
  });

  it.each(['/leak.txt', '/linked-dir/secret.txt', '/linked-dir/secret.txt.gz'])(
    'finding 8: refuses %s, a symlink whose real path leaves dist/',
    async (urlPath) => {
      const res = await get(urlPath);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('outside dist');
    }
  );

  it('finding 8: never sends a precompressed sibling that links out of dist/', async () => {
    const res = await get('/assets/app.js', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('console.log(1);');
  });

  it('finding 1: no crafted request ends it, and none gets a 5xx', async () => {
    const results = await replayCrafted(server.port, craftedRequests('/index.html'), '/');
    expect(results.filter((result) => !result.stillAnswering)).toEqual([]);
    expect(results.filter((result) => result.status !== undefined && result.status >= 500)).toEqual([]);
    expect((await sendRaw(server.port, 'GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).status).toBe(404);
  }, 60_000);
});

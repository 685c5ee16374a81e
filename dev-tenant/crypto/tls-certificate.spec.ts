import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import { loopbackFetch } from '../../servers/loopback-fetch';
import { startTestTenant, useTempDir } from '../testing/test-support';
import { loadOrCreateTlsCertificate, readTlsCertificate, tenantCertificateAuthority, tlsCertificateFile } from './tls-certificate';

const DAY_MS = 24 * 3600 * 1000;

describe('the loopback TLS certificate', () => {
  const dir = useTempDir();

  it('is made once, for 127.0.0.1 and localhost, owner-only, and kept across starts', async () => {
    const made = await loadOrCreateTlsCertificate(dir.path);
    const x509 = new X509Certificate(made.cert);
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkHost('example.com')).toBeUndefined();
    expect(fs.statSync(tlsCertificateFile(dir.path)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateTlsCertificate(dir.path)).toEqual(made);
    expect(await readTlsCertificate(dir.path)).toEqual(made);
  });

  it('is renewed a week before it ends, not sooner', async () => {
    const made = await loadOrCreateTlsCertificate(dir.path);
    expect(await loadOrCreateTlsCertificate(dir.path, Date.now() + 300 * DAY_MS)).toEqual(made);
    const renewed = await loadOrCreateTlsCertificate(dir.path, Date.now() + 360 * DAY_MS);
    expect(renewed.cert).not.toBe(made.cert);
    expect(await readTlsCertificate(dir.path)).toEqual(renewed);
  });
});

describe('the cross-site tenant over https', () => {
  const dir = useTempDir();

  it('answers a client that trusts its certificate alone, and no other', async () => {
    const tenant = await startTestTenant(dir.path, { DEV_TENANT_BROWSER_HOST: '127.0.0.1' });
    try {
      const discovery = `${tenant.url}/.well-known/openid-configuration`;
      const ca = await tenantCertificateAuthority(tenant.url, dir.path);
      const answer = await loopbackFetch(discovery, { ca });
      expect(((await answer.json()) as { issuer: string }).issuer).toBe(`${tenant.url}/`);
      // Node's own fetch trusts the system's CAs only; a client without the certificate is refused.
      await expect(fetch(discovery)).rejects.toThrow();
      await expect(loopbackFetch(discovery)).rejects.toThrow(/needs the certificate to trust/);
      const other = await loadOrCreateTlsCertificate(useOtherDir());
      await expect(loopbackFetch(discovery, { ca: other.cert })).rejects.toThrow(/self.signed|certificate/i);
    } finally {
      await tenant.close();
    }
  });

  function useOtherDir(): string {
    return fs.mkdtempSync(`${dir.path}/other-`);
  }
});

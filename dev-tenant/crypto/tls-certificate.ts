// The loopback certificate of the cross-site pair: self-signed, for 127.0.0.1 (the tenant's name,
// https://127.0.0.1:<port>) and localhost (the app's, when `npm run serve` speaks https too:
// SERVE_TLS_DIR). Made at the first cross-site start and kept in the data dir like the signing key, so
// that a browser told once to trust it keeps trusting it, a client (the e2e helpers, curl --cacert)
// can pin it from a known file, and a start costs no key generation. Renewed once it nears its end.
import { X509Certificate } from 'node:crypto';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import { DEFAULTS } from '../../config/defaults';
import { createFileOnce, readOptionalFile, replaceFile } from '../config/data-files';

export const TLS_CERTIFICATE_FILE = 'tls-certificate.pem';

export interface TlsCertificate {
  /** PEM: the private key, for the server only. */
  readonly key: string;
  /** PEM: the certificate, which a client passes as its CA to trust this tenant alone. */
  readonly cert: string;
}

const VALID_DAYS = 365;
/** Replaced this long before it expires, so a long test run never crosses the end. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;
const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----\n?/g;

export function tlsCertificateFile(dataDir: string): string {
  return path.join(dataDir, TLS_CERTIFICATE_FILE);
}

/** The data dir's certificate, made (or renewed) when missing, broken or near its end. */
export async function loadOrCreateTlsCertificate(dataDir: string, now = Date.now()): Promise<TlsCertificate> {
  const existing = await readTlsCertificate(dataDir);
  if (existing !== undefined && usableAt(existing, now)) return existing;
  const made = await makeCertificate(now);
  const text = `${made.key}${made.cert}`;
  if (existing !== undefined) await replaceFile(dataDir, TLS_CERTIFICATE_FILE, text);
  else if (!(await createFileOnce(dataDir, TLS_CERTIFICATE_FILE, text))) {
    // A tenant started at the same time on this data dir wrote one first: use it.
    const winner = await readTlsCertificate(dataDir);
    if (winner === undefined) throw new Error(`${tlsCertificateFile(dataDir)} vanished while the tenant was starting; start it again`);
    return winner;
  }
  return made;
}

/** The key and certificate in the data dir; undefined when there is none (or not both). */
export async function readTlsCertificate(dataDir: string): Promise<TlsCertificate | undefined> {
  const text = await readOptionalFile(tlsCertificateFile(dataDir));
  if (text === undefined) return undefined;
  const blocks = [...text.matchAll(PEM_BLOCK)];
  const key = blocks.find((block) => block[1].endsWith('PRIVATE KEY'))?.[0];
  const cert = blocks.find((block) => block[1] === 'CERTIFICATE')?.[0];
  return key !== undefined && cert !== undefined ? { key, cert } : undefined;
}

function usableAt(certificate: TlsCertificate, now: number): boolean {
  try {
    const x509 = new X509Certificate(certificate.cert);
    const names = x509.checkIP(DEFAULTS.crossSiteBrowserHost) !== undefined && x509.checkHost(DEFAULTS.browserHost) !== undefined;
    return names && Date.parse(x509.validTo) - RENEW_BEFORE_MS > now;
  } catch {
    return false;
  }
}

async function makeCertificate(now: number): Promise<TlsCertificate> {
  const notBeforeDate = new Date(now - 60_000);
  const notAfterDate = new Date(now + VALID_DAYS * 24 * 3600 * 1000);
  // EC P-256: made in milliseconds in pure JS, where a 2048-bit RSA key takes seconds.
  const pems = await generate([{ name: 'commonName', value: `dev tenant ${DEFAULTS.crossSiteBrowserHost}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: DEFAULTS.crossSiteBrowserHost },
          { type: 2, value: DEFAULTS.browserHost }
        ]
      }
    ]
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * What a Node client of the tenant at `url` trusts: for https, the certificate in the tenant's data dir
 * (undefined until the tenant has made it); for http, nothing is needed.
 */
export async function tenantCertificateAuthority(url: string, dataDir: string): Promise<string | undefined> {
  if (!url.startsWith('https:')) return undefined;
  return (await readTlsCertificate(dataDir))?.cert;
}

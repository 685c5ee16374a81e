// fetch() from Node to a local server (the dev tenant, its control API) over http, or over https
// trusting one given certificate: the cross-site tenant's self-signed one. Node's global fetch takes
// no CA, and the process-wide NODE_TLS_REJECT_UNAUTHORIZED would switch checks off for everything.
// Redirects are never followed (fetch's `redirect: 'manual'`): the caller sees each answer.
import * as http from 'node:http';
import * as https from 'node:https';

export interface LoopbackInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** PEM: the only certificate an https server may present (required for https). */
  readonly ca?: string | undefined;
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Statuses whose Response may carry no body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export async function loopbackFetch(url: string, init: LoopbackInit = {}): Promise<Response> {
  const target = new URL(url);
  if (!LOOPBACK_HOSTNAMES.has(target.hostname)) throw new Error(`loopbackFetch: ${url} is not on loopback`);
  const secure = target.protocol === 'https:';
  if (secure && init.ca === undefined) throw new Error(`loopbackFetch: ${url} needs the certificate to trust (ca)`);
  const options: https.RequestOptions = {
    method: init.method ?? 'GET',
    headers: { ...init.headers, ...(init.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(init.body)) }) },
    ...(secure ? { ca: init.ca } : {})
  };
  const answer = await new Promise<{ response: http.IncomingMessage; body: Buffer }>((resolve, reject) => {
    const sent = (secure ? https : http).request(target, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ response, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(init.body);
  });
  const status = answer.response.statusCode ?? 0;
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.response.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
  }
  return new Response(NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(answer.body), { status, headers });
}

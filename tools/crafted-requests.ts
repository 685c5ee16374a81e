// Hostile HTTP requests written byte by byte on a raw socket (Node's http client refuses to send
// most of them), for the specs and the attack harness: each server must answer or close, never die.
import * as net from 'node:net';

export interface RawReply {
  /** The status code of the answer, or undefined when the server closed without one. */
  readonly status: number | undefined;
  /** The answer's head and body as received (latin1), for diagnostics. */
  readonly text: string;
}

const REPLY_TIMEOUT_MS = 15_000;

export interface RawExchange {
  /** What came back, once the server closes, the answer is complete, the reply times out or `drop` is called. */
  readonly reply: Promise<RawReply>;
  /** Ends the connection now (from our side), resolving `reply` with what came so far. */
  drop(): void;
}

/** Writes `request` as is and resolves with what came back once the server closes or the answer is complete. */
export function sendRaw(port: number, request: Buffer | string, options: { halfClose?: boolean; host?: string } = {}): Promise<RawReply> {
  return openRaw(port, request, options).reply;
}

/** `sendRaw`, with a way to end the connection before the server does. */
export function openRaw(port: number, request: Buffer | string, options: { halfClose?: boolean; host?: string } = {}): RawExchange {
  let drop = (): void => undefined;
  const reply = new Promise<RawReply>((resolve) => {
    const socket = net.connect({ port, host: options.host ?? '127.0.0.1' });
    const chunks: Buffer[] = [];
    const done = (): void => {
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), text });
    };
    drop = done;
    socket.setTimeout(REPLY_TIMEOUT_MS, done);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('error', done);
    socket.on('close', done);
    // Node's server drops a half-closed connection's pending answer, so only a request that means to end early half-closes.
    if (options.halfClose === true) socket.end(request);
    else socket.write(request);
  });
  return {
    reply,
    drop: () => {
      drop();
    }
  };
}

function base64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** A JWS whose protected header carries `header` (not signed by anyone): what made jose throw with header content. */
export function craftedJwt(header: string, payload = '{"sub":"x"}'): string {
  return `${base64url(header)}.${base64url(payload)}.${base64url('signature')}`;
}

/** Tokens with hostile JOSE headers: non-Latin-1, CR/LF and NUL inside names jose repeats in its messages. */
export const CRAFTED_TOKENS: readonly string[] = [
  // jose repeats an unknown "crit" name in its message: the demo API once copied that into WWW-Authenticate.
  craftedJwt(String.raw`{"alg":"RS256","crit":["\u00ff\u0100\u2028\r\nX-Injected: 1"]}`),
  craftedJwt(String.raw`{"alg":"RS256","crit":["nul\u0000"]}`),
  craftedJwt(String.raw`{"alg":"RS256\r\nX-Injected: 1","kid":"\u0000"}`),
  craftedJwt(String.raw`{"alg":"\u65e5\u672c\u8a9e","kid":"\ud83d\ude00"}`),
  craftedJwt(`{"alg":"RS256","kid":"${'k\u00ff'.repeat(2000)}"}`),
  craftedJwt('{"alg":"none"}'),
  craftedJwt('{"alg":"RS256","b64":false,"crit":["b64"]}'),
  craftedJwt('not json at all'),
  'a.b.c.d.e',
  `${base64url('{"alg":"RS256"}')}.${'%'.repeat(30)}.x`
];

export interface CraftedRequest {
  readonly name: string;
  readonly bytes: Buffer;
  /** Ends the connection after the bytes, e.g. for a body shorter than its Content-Length. */
  readonly halfClose?: boolean;
  /**
   * The server is right to wait for more (a body shorter than its Content-Length, the connection left
   * open): instead of waiting out the reply timeout, the replay probes the server while this request
   * hangs, then drops the connection and probes again.
   */
  readonly waitsForMore?: boolean;
}

function head(method: string, target: string, headers: readonly string[], body = ''): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...headers];
  if (body !== '') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), Buffer.from(body, 'utf8')]);
}

/** The hostile requests for one path (GET, and POST with a JSON body for `postPath`). */
export function craftedRequests(getPath: string, postPath = getPath): CraftedRequest[] {
  const requests: CraftedRequest[] = [
    { name: 'non-Latin-1 header value', bytes: head('GET', getPath, ['X-Name: \u65e5\u672c \u00ff\u0100 \u{1f600}']) },
    {
      name: 'non-Latin-1 Origin and Cookie',
      bytes: head('GET', getPath, ['Origin: http://\u00fc\u0100.localhost', 'Cookie: auth0=\u0100\u2028; a=\u00ff'])
    },
    { name: 'bare CR in a header value', bytes: head('GET', getPath, ['X-Name: a\rX-Injected: 1']) },
    { name: 'bare LF in a header value', bytes: head('GET', getPath, ['X-Name: a\nX-Injected: 1']) },
    { name: 'NUL in a header value', bytes: head('GET', getPath, ['X-Name: a\u0000b', 'Cookie: auth0=\u0000']) },
    { name: 'very long header (64 KiB)', bytes: head('GET', getPath, [`X-Long: ${'x'.repeat(64 * 1024)}`]) },
    {
      name: 'many headers',
      bytes: head(
        'GET',
        getPath,
        Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${i}`)
      )
    },
    { name: 'bad percent-encoding and non-ASCII in the path', bytes: head('GET', `${getPath}/%ff%fe%?x=%E0%A4%A&y=\u00ff`, []) },
    {
      name: 'non-Latin-1 Access-Control-Request-Headers',
      bytes: head('OPTIONS', getPath, ['Origin: http://localhost:3000', 'Access-Control-Request-Headers: \u00ff\u0100, x'])
    },
    {
      name: 'JSON body with NUL and lone surrogates',
      bytes: head(
        'POST',
        postPath,
        ['Content-Type: application/json'],
        '{"username":"\\u0000\\ud800","password":"\\udfff","client_id":"\u00ff"}'
      )
    },
    {
      name: 'Content-Length larger than the body',
      waitsForMore: true,
      bytes: Buffer.from(
        `POST ${postPath} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`
      )
    }
  ];
  CRAFTED_TOKENS.forEach((token, index) => {
    requests.push({
      name: `bearer token with a crafted JOSE header #${index + 1}`,
      bytes: head('GET', getPath, [`Authorization: Bearer ${token}`])
    });
  });
  return requests;
}

export interface ReplayResult {
  readonly name: string;
  readonly status: number | undefined;
  /** Whether the server answered a plain request right after this one. */
  readonly stillAnswering: boolean;
}

/** Sends each crafted request, then a plain GET of `probePath`; one at a time, so a crash is pinned on its request. */
export async function replayCrafted(port: number, requests: readonly CraftedRequest[], probePath: string): Promise<ReplayResult[]> {
  const answers = async (): Promise<boolean> => {
    const probe = await sendRaw(port, `GET ${probePath} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    return probe.status !== undefined && probe.status < 500;
  };
  const results: ReplayResult[] = [];
  for (const request of requests) {
    const exchange = openRaw(port, request.bytes, { halfClose: request.halfClose });
    // A request left hanging: the server must answer others meanwhile, and after it is dropped.
    const answeredMeanwhile = request.waitsForMore === true ? await answers() : true;
    if (request.waitsForMore === true) exchange.drop();
    const reply = await exchange.reply;
    const stillAnswering = answeredMeanwhile && (await answers());
    results.push({ name: request.name, status: reply.status, stillAnswering });
  }
  return results;
}

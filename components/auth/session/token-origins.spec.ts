import { hostnamesOf, mayCarryToken } from './token-origins';

describe('mayCarryToken', () => {
  const api = ['http://localhost:3002'];
  const page = 'http://localhost:3000';

  it.each([
    ['the API origin', 'http://localhost:3002/api/ping', true],
    ['the API origin with a query', 'http://localhost:3002/api/ping?x=1', true],
    ['another port on the same host', 'http://localhost:4999/api/ping', false],
    ['the page itself (relative URL)', '/api/ping', false],
    ['https instead of http', 'https://localhost:3002/api/ping', false],
    ['a lookalike host', 'http://localhost.evil.example:3002/api/ping', false],
    ['userinfo trick', 'http://localhost:3002@evil.example/api/ping', false],
    ['a template on the API origin', 'http://localhost:3002/views/home.html', false],
    ['a relative template', 'components/home/home.html', false],
    ['garbage', 'http://[::1', false]
  ])('%s → %p', (_name, url, expected) => {
    expect(mayCarryToken(url, api, page)).toBe(expected);
  });
});

describe('hostnamesOf', () => {
  it('lists each hostname once', () => {
    expect(hostnamesOf(['http://localhost:3002', 'https://localhost:8443', 'https://api.example.com'])).toEqual([
      'localhost',
      'api.example.com'
    ]);
  });
});

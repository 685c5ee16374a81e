// The tenant's own log lines (the printed "emails", unexpected errors) never print input's control
// characters raw: an email with ESC, BEL or NUL used to plant a clickable link in the terminal.
import type { Request, Response } from 'express';
import { errorHandler } from './errors';
import { printEmail } from '../server';

const RAW_CONTROL = /\p{Cc}/u;
const HOSTILE_EMAIL = 'a\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u0000@example.com';

afterEach(() => {
  jest.restoreAllMocks();
});

it('the printed email shows the address with its control characters escaped', () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  printEmail({ kind: 'unblock', to: HOSTILE_EMAIL, subject: 'Unblock your account', link: 'http://localhost:3001/lo/unblock?ticket=t' });
  const printed = String(log.mock.calls[0]?.[0]);
  expect(printed).toContain('email to a\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07\\x00@example.com (not sent;');
  expect(RAW_CONTROL.test(printed)).toBe(false);
});

it('an unexpected error is logged with its control characters escaped', () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const res = { headersSent: false, status: () => res, set: () => res, json: () => res };
  errorHandler(new Error(`no user ${HOSTILE_EMAIL}`), {} as unknown as Request, res as unknown as Response, jest.fn());
  const printed = String(logged.mock.calls[0]?.[0]);
  expect(printed).toContain('dev tenant: unexpected error: Error: no user a\\x1b]8;;');
  expect(printed.split('\n').filter((line) => RAW_CONTROL.test(line))).toEqual([]);
});

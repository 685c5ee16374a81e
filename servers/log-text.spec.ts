// Log lines that may carry input print every control character as a visible escape.
import { escapeForLog, logError, logLine } from './log-text';

const RAW_CONTROL = /\p{Cc}/u;
/** An OSC 8 hyperlink (ESC ] 8 ;; url BEL), a screen clear, NUL, CR and a C1 CSI: what a hostile email could carry. */
const HOSTILE = 'a\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u001b[2J\u0000\r\u009b1m@example.com';

describe('escapeForLog', () => {
  it('prints each C0/C1 control and DEL as \\xNN, and leaves everything else as it is', () => {
    expect(escapeForLog(HOSTILE)).toBe('a\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07\\x1b[2J\\x00\\x0d\\x9b1m@example.com');
    expect(escapeForLog('del\u007f zoë \ud83d\ude00 tab\tnew\nline')).toBe('del\\x7f zoë \ud83d\ude00 tab\\x09new\\x0aline');
  });
});

describe('logLine and logError', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('logLine prints one line with no raw control character', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    logLine(`email to ${HOSTILE}`);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]).toEqual([`email to ${escapeForLog(HOSTILE)}`]);
    expect(RAW_CONTROL.test(String(log.mock.calls[0]?.[0]))).toBe(false);
  });

  it("logError keeps the stack's lines, and escapes every control character of the message", () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    logError('server: unexpected error:', new Error(HOSTILE));
    const printed = String(error.mock.calls[0]?.[0]);
    expect(printed.startsWith(`server: unexpected error: Error: ${escapeForLog(HOSTILE)}\n    at `)).toBe(true);
    expect(printed.split('\n').filter((line) => RAW_CONTROL.test(line))).toEqual([]);
  });
});

// webpack/ascii-only.js: the library's scripts rewritten as ASCII, meaning the same; and the check
// build-lib runs on them (output-checks.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { assertAsciiOnly, firstNonAsciiByte } from './output-checks';

// A CommonJS file of the webpack build, without typings.
const { escapeNonAscii } = createRequire(__filename)('../../webpack/ascii-only') as { escapeNonAscii: (code: string) => string };

/** An ES5 script with non-ASCII everywhere it can be: strings (raw, escaped, continued), a regex, names, comments, spaces. */
const SCRIPT = [
  '// Ünïcode comment … ✓',
  "var message = 'Log in again…';",
  'var escaped = "\\é\\\\é";',
  "var continued = 'a\\\u2028b';",
  'var emoji = "😀";',
  'var café = 1;',
  'var obj = { clé: café, "ñ": 2 };',
  'var regex = /[é-ë]+\\é\\//g;',
  '/* block: — « » */ var\u00a0spaced = 3;',
  'var after = 4\u2028var more = 5;',
  '({ message: message, escaped: escaped, continued: continued, emoji: emoji, obj: obj, matched: "aéëé/".match(regex), matchesEscape: regex.test("é/"), spaced: spaced, more: more })'
].join('\n');

describe('escapeNonAscii', () => {
  it('leaves only ASCII, and the script means what it meant', () => {
    const escaped = escapeNonAscii(SCRIPT);
    expect(firstNonAsciiByte(Buffer.from(escaped))).toBeUndefined();
    expect(runInNewContext(escaped)).toEqual(runInNewContext(SCRIPT));
    expect(runInNewContext(escaped)).toMatchObject({
      message: 'Log in again…',
      escaped: 'é\\é',
      continued: 'ab',
      emoji: '😀',
      more: 5,
      matched: ['éëé/']
    });
    expect(escaped).toContain('// \\u00dcn\\u00efcode comment \\u2026 \\u2713');
    expect(escaped).toContain('"Log in again\\u2026"');
    expect(escaped).toContain('var caf\\u00e9 = 1;');
  });

  it('leaves an ASCII script as it is', () => {
    const ascii = "var a = 'b'; // c";
    expect(escapeNonAscii(ascii)).toBe(ascii);
  });
});

describe('assertAsciiOnly', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ascii-check-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the file, line and column of the first non-ASCII byte', () => {
    const file = path.join(dir, 'script.js');
    writeFileSync(file, "var a = 1;\nvar b = 'Log in again…';\n");
    expect(() => {
      assertAsciiOnly(file, 'script.js');
    }).toThrow(/^build-lib: script\.js:2:22 has the byte 0xe2, not ASCII .*: …var b = 'Log in again/);
    writeFileSync(file, escapeNonAscii("var a = 1;\nvar b = 'Log in again…';\n"));
    expect(() => {
      assertAsciiOnly(file, 'script.js');
    }).not.toThrow();
  });
});

// Checks of what `npm run build:lib` wrote, beyond ES5 syntax (build-lib.ts):
//  - the ES5 scripts are ASCII only (webpack/ascii-only.js escapes the rest): a page without
//    <meta charset> reads a script in windows-1252, and any UTF-8 byte in it would come out garbled;
//  - no placeholder a package's own build fills in is left, such as angular-lock's version in its telemetry.
import { readFileSync } from 'node:fs';

export interface NonAsciiByte {
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

/** The first byte above 0x7F in `bytes`, with its line and column (1-based, in bytes), or undefined. */
export function firstNonAsciiByte(bytes: Uint8Array): NonAsciiByte | undefined {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte > 0x7f) return { line, column: i - lineStart + 1, byte };
    if (byte === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

/** Throws, naming the file, line, column and the text there, if `file` holds a byte that is not ASCII. */
export function assertAsciiOnly(file: string, name = file): void {
  const bytes = readFileSync(file);
  const found = firstNonAsciiByte(bytes);
  if (found) {
    const text = bytes.toString('utf8').split('\n')[found.line - 1] ?? '';
    const at =
      Buffer.byteLength(text) > 0
        ? Buffer.from(text)
            .subarray(Math.max(0, found.column - 40), found.column + 20)
            .toString('utf8')
        : '';
    throw new Error(
      `build-lib: ${name}:${String(found.line)}:${String(found.column)} has the byte 0x${found.byte.toString(16)}, not ASCII (webpack/ascii-only.js escapes non-ASCII): …${at}…`
    );
  }
}

/** What a package's own build replaces, in files that are not that build (angular-lock's source: its telemetry version). */
const BUILD_PLACEHOLDERS = ['%%PACKAGE_VERSION%%'];

/** Throws, naming the file and the placeholder, if `file` still holds one. */
export function assertNoBuildPlaceholders(file: string, name = file): void {
  const text = readFileSync(file, 'utf8');
  const found = BUILD_PLACEHOLDERS.find((placeholder) => text.includes(placeholder));
  if (found !== undefined) {
    throw new Error(
      `build-lib: ${name} holds ${found}, which its package's build fills in: bundle that package's built file (webpack/shared.js, vendorAliases)`
    );
  }
}

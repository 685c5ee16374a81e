// The servers' log lines that may carry request input (an email, an error's message): every C0/C1
// control character (ESC, BEL, NUL, CR, DEL…) is printed as a visible \xNN escape, so no input can
// drive the developer's terminal (colour, cursor moves, OSC 8 links, a rewritten line).
import { inspect } from 'node:util';

const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** `text` with each control character as \xNN (all of them are below U+00A0). */
export function escapeForLog(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** console.log of a line that may hold input. */
export function logLine(text: string): void {
  console.log(escapeForLog(text));
}

/** console.error of `message` and the error as util.inspect shows it: its stack keeps its lines, each escaped. */
export function logError(message: string, error: unknown): void {
  console.error(`${message} ${inspect(error)}`.split('\n').map(escapeForLog).join('\n'));
}

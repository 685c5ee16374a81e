// The picture of the `picture` claim (accounts/avatar.ts): an SVG with the user's initials on a colour of their own.
import { createHash } from 'node:crypto';
import type { UserProfile } from '../accounts/user-profile';
import { escapeHtml } from './helpers';

/** Up to two initials: of the name's first two words, else of the email; letters and digits only. */
export function initialsOf(user: Pick<UserProfile, 'name' | 'email'>): string {
  const firstLetters = (text: string): string[] =>
    text
      .split(/[\s@._-]+/u)
      .map((word) => Array.from(word).find((char) => /[\p{L}\p{N}]/u.test(char)))
      .filter((char): char is string => char !== undefined);
  const fromName = user.name.includes('@') ? [] : firstLetters(user.name);
  const letters = fromName.length > 0 ? fromName : firstLetters(user.email.split('@')[0] ?? '');
  return letters.slice(0, 2).join('').toLocaleUpperCase('en') || '?';
}

/** A hue from the user id, dark enough for white initials at any hue (4.5:1 or more). */
export function avatarColour(userId: string): string {
  const hue = createHash('sha256').update(userId, 'utf8').digest().readUInt16BE(0) % 360;
  return hslToHex(hue, 0.6, 0.3);
}

/** CSS's HSL to RGB conversion, as #rrggbb. */
function hslToHex(hue: number, saturation: number, lightness: number): string {
  const amplitude = saturation * Math.min(lightness, 1 - lightness);
  const channel = (offset: number): string => {
    const k = (offset + hue / 30) % 12;
    const value = lightness - amplitude * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** No script, no external reference; the initials are escaped although they are letters and digits only. */
export function avatarSvg(user: Pick<UserProfile, 'userId' | 'name' | 'email'>): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">' +
    `<rect width="128" height="128" fill="${avatarColour(user.userId)}"/>` +
    '<text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="52" font-weight="600" fill="#fff">' +
    `${escapeHtml(initialsOf(user))}</text></svg>\n`
  );
}

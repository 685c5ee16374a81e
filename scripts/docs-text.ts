// Reading README.md and docs/*.md the way a reader sees them, for the specs that keep them true
// (docs-figures.spec.ts, docs-links.spec.ts): figures quoted in prose, tables, links and headings.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** README.md and every page of docs/, relative to the repository root. */
export const DOC_FILES: readonly string[] = [
  'README.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`)
];

export function readDoc(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

/** The text without fenced code blocks and inline code spans: what links and headings are parsed from. */
export function withoutCode(markdown: string): string {
  return markdown.replace(/^ *```[\s\S]*?^ *```/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** One line of prose however the paragraph was wrapped, so a quoted sentence may span lines. */
function asOneLine(markdown: string): string {
  return markdown.replace(/\s+/g, ' ');
}

/**
 * The first capture of `pattern` in `file` (wrapped lines joined), as the docs quote it. Throws when
 * the sentence is gone, so rewording a quoted figure means updating its check too.
 */
export function quoted(file: string, pattern: RegExp): string {
  const match = pattern.exec(asOneLine(readDoc(file)));
  if (!match?.[1]) throw new Error(`${file} no longer says ${String(pattern)}: update docs-figures.spec.ts with the new wording`);
  return match[1];
}

/** A figure as written in the docs (`111,500`, `3000`) as a number. */
export function quotedNumber(file: string, pattern: RegExp): number {
  return Number(quoted(file, pattern).replace(/,/g, ''));
}

/**
 * The rows of the Markdown table in `file` whose header starts with `firstHeader`, keyed by their
 * first cell: `| \`PORT\` | \`3000\` | … |` gives `'`PORT`' => ['`3000`', '…']`.
 */
export function tableRows(file: string, firstHeader: string): Map<string, string[]> {
  const lines = readDoc(file).split('\n');
  const start = lines.findIndex((line) => cells(line)[0] === firstHeader);
  if (start < 0) throw new Error(`${file} has no table headed "${firstHeader}"`);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [key = '', ...rest] = cells(line);
    rows.set(key, rest);
  }
  return rows;
}

function cells(line: string): string[] {
  return line
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** GitHub's anchors for the headings of a Markdown text (`## The id_token and your API` → `the-id_token-and-your-api`). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const withoutFences = markdown.replace(/^ *```[\s\S]*?^ *```/gm, '');
  for (const [, heading = ''] of withoutFences.matchAll(/^#{1,6} +(.+)$/gm)) {
    const slug = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** The targets of the text's links and images that stay in the repository (no scheme, no `mailto:`). */
export function relativeLinks(markdown: string): string[] {
  const prose = withoutCode(markdown);
  const targets = [...prose.matchAll(/\]\(([^)\s]+)\)/g), ...prose.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

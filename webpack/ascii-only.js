// The library's ES5 scripts as ASCII only (webpack/lib.config.js). A page without <meta charset>
// (the tutorial's 2016 index.html) decodes a script as windows-1252, so a UTF-8 `…` in a message
// shows as `â€¦`; escaped as `\u2026`, it reads the same in any encoding.
const acorn = require('acorn');
const { Compilation, sources } = require('webpack');

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
const LINE_TERMINATORS = /[\u2028\u2029]/;

/** `\uXXXX` for one UTF-16 code unit (astral characters are two, as in a JS string). */
const unicodeEscape = (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
const escapeEach = (text) => text.replace(NON_ASCII_ALL, unicodeEscape);

/** A regular expression literal's source: `\é` (an identity escape) becomes `\u00e9`, not `\\u00e9`. */
function escapeRegExp(raw) {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\\' && i + 1 < raw.length) {
      const next = raw[++i];
      out += NON_ASCII.test(next) ? unicodeEscape(next) : char + next;
    } else {
      out += NON_ASCII.test(char) ? unicodeEscape(char) : char;
    }
  }
  return out;
}

/** The ASCII spelling of one token or comment, `raw` as written, or undefined if it cannot have one. */
function asciiToken(kind, token, raw) {
  switch (kind) {
    // The string's value, written anew: raw escapes (`\é`, a line continuation) need no special case.
    case 'string':
      return escapeEach(JSON.stringify(token.value));
    case 'regexp':
      return escapeRegExp(raw);
    // ES5 identifiers may be spelled with \uXXXX; comments are free text.
    case 'name':
    case 'comment':
      return escapeEach(raw);
    default:
      return undefined;
  }
}

/**
 * The places in `code` (an ES5 script) to rewrite so that it is ASCII only and means the same:
 * [start, end, replacement] for each token or comment with a non-ASCII character, and for each
 * non-ASCII space between them (a space, or a newline where it ended a line).
 */
function asciiReplacements(code) {
  if (!NON_ASCII.test(code)) return [];
  const spans = [];
  const onComment = (block, text, start, end) => spans.push({ kind: 'comment', start, end });
  for (const token of acorn.tokenizer(code, { ecmaVersion: 5, sourceType: 'script', onComment })) {
    spans.push({ kind: token.type.label, token, start: token.start, end: token.end });
  }
  spans.sort((a, b) => a.start - b.start);
  const replacements = [];
  let gapStart = 0;
  for (const span of [...spans, { start: code.length, end: code.length }]) {
    for (let i = gapStart; i < span.start; i++) {
      if (NON_ASCII.test(code[i])) replacements.push([i, i + 1, LINE_TERMINATORS.test(code[i]) ? '\n' : ' ']);
    }
    gapStart = span.end;
    if (span.kind === undefined) continue;
    const raw = code.slice(span.start, span.end);
    if (!NON_ASCII.test(raw)) continue;
    const ascii = asciiToken(span.kind, span.token, raw);
    if (ascii === undefined) throw new Error(`ascii-only: cannot spell a ${span.kind} token in ASCII: ${raw}`);
    replacements.push([span.start, span.end, ascii]);
  }
  return replacements;
}

/** `code` with every replacement of asciiReplacements() made. */
function escapeNonAscii(code) {
  let out = '';
  let at = 0;
  for (const [start, end, text] of asciiReplacements(code)) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

/** Rewrites every .js asset of the compilation so, after the minifier (which writes non-ASCII back) and before the source maps. */
class AsciiOnlyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AsciiOnlyPlugin', (compilation) => {
      const stage = Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING - 1;
      compilation.hooks.processAssets.tap({ name: 'AsciiOnlyPlugin', stage }, (assets) => {
        for (const name of Object.keys(assets).filter((file) => file.endsWith('.js'))) {
          const source = assets[name];
          const replacements = asciiReplacements(source.source().toString());
          if (replacements.length === 0) continue;
          // ReplaceSource keeps the source map's mappings right around each replacement.
          const escaped = new sources.ReplaceSource(source);
          for (const [start, end, text] of replacements) escaped.replace(start, end - 1, text);
          compilation.updateAsset(name, escaped);
        }
      });
    });
  }
}

module.exports = { AsciiOnlyPlugin, asciiReplacements, escapeNonAscii };

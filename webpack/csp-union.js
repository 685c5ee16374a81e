// One Content-Security-Policy that allows everything each of several policies allows, and no more.
// A static host that sends every matching rule's headers (webpack/static-host-headers.js) enforces
// both a catch-all rule's policy and a page's own; with the union as the catch-all, each page keeps
// exactly its own policy, and a path no page rule names (a 404, a host's fallback page) still gets one.

/** Directives that fall back to default-src when absent (CSP 3, "fetch directives" this build uses). */
const FETCH_DIRECTIVES = new Set([
  'default-src',
  'script-src',
  'style-src',
  'img-src',
  'connect-src',
  'frame-src',
  'object-src',
  'font-src',
  'media-src',
  'worker-src',
  'manifest-src'
]);

/** `a b; c d` → Map { a => [b], c => [d] } */
function parsePolicy(policy) {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources])
  );
}

/** What `name` allows under `directives`: its sources, default-src's for a fetch directive, or null (no restriction). */
function effectiveSources(directives, name) {
  if (directives.has(name)) return directives.get(name);
  if (!FETCH_DIRECTIVES.has(name)) return null;
  const fallback = directives.get('default-src');
  // Without default-src an absent fetch directive allows anything, which no source list can say.
  if (!fallback) throw new Error(`cspUnion: a policy without default-src leaves ${name} open; give each policy a default-src`);
  return fallback;
}

function unionSources(lists) {
  const sources = [...new Set(lists.flat())].filter((source) => source !== "'none'");
  return sources.length > 0 ? sources : ["'none'"];
}

/** The union of `policies` (CSP header values), directive by directive. */
function cspUnion(policies) {
  const parsed = policies.map(parsePolicy);
  const names = [...new Set(parsed.flatMap((directives) => [...directives.keys()]))];
  const parts = [];
  for (const name of names) {
    const lists = parsed.map((directives) => effectiveSources(directives, name));
    // A directive one policy leaves open stays open (absent) in the union.
    if (lists.every((list) => list !== null)) parts.push(`${name} ${unionSources(lists).join(' ')}`);
  }
  return parts.join('; ');
}

module.exports = { cspUnion, effectiveSources, parsePolicy };

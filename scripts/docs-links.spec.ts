// README.md and docs/ point at what exists: files and headings they link, npm scripts and tsx entry
// points they tell you to run, and the two commands a newcomer meets first.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOC_FILES, REPO_ROOT, headingAnchors, readDoc, relativeLinks } from './docs-text';

const scripts = Object.keys((JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts);

describe.each(DOC_FILES)('%s', (file) => {
  const text = readDoc(file);

  it('links only to files and headings that exist', () => {
    const broken = relativeLinks(text).filter((link) => {
      const hash = link.indexOf('#');
      const target = hash < 0 ? link : link.slice(0, hash);
      const resolved = target === '' ? path.join(REPO_ROOT, file) : path.resolve(path.dirname(path.join(REPO_ROOT, file)), target);
      if (!existsSync(resolved)) return true;
      return hash >= 0 && resolved.endsWith('.md') && !headingAnchors(readFileSync(resolved, 'utf8')).has(link.slice(hash + 1));
    });
    expect(broken).toEqual([]);
  });

  it('names only npm scripts that package.json has', () => {
    // `npm run example:<name>` stands for every script of that prefix.
    const named = [...text.matchAll(/npm run\s+([\w:.-]+)(<?)/g)].map(([, name = '', placeholder]) => ({ name, placeholder }));
    const missing = named.filter(({ name, placeholder }) =>
      placeholder ? !scripts.some((script) => script.startsWith(name)) : !scripts.includes(name)
    );
    expect(missing).toEqual([]);
    for (const command of text.matchAll(/npm (start|test)\b/g)) expect(scripts).toContain(command[1]);
  });

  it('names only tsx entry points that exist', () => {
    const entries = [...text.matchAll(/npx tsx\s+([\w./-]+\.ts)/g)].map((match) => match[1]);
    expect(entries.filter((entry) => !existsSync(path.join(REPO_ROOT, entry)))).toEqual([]);
  });
});

describe('README.md', () => {
  it('opens with the two commands: install and start, then test', () => {
    const [title, blank, fence, start, test] = readDoc('README.md').split('\n');
    expect([title.startsWith('# '), blank, fence]).toEqual([true, '', '```sh']);
    expect(start).toMatch(/^npm install && npm start +#/);
    expect(test).toMatch(/^npm test +#/);
  });

  it('links every page of docs/', () => {
    const linked = new Set(relativeLinks(readDoc('README.md')).map((link) => link.split('#')[0]));
    expect(DOC_FILES.filter((file) => file !== 'README.md' && !linked.has(file))).toEqual([]);
  });
});

// Builds the site into a temporary directory and checks it the way a reader would notice problems:
// a missing or empty page, a link to nowhere, a page left out of the navigation.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite, DOCS_DIR, PAGES, slugify } from '../scripts/build.mjs';

let outDir;
let pages;
const html = new Map();

before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'wasmcloud-docs-'));
  pages = await buildSite(outDir);
  for (const page of pages) {
    html.set(`${page.slug}.html`, await readFile(page.file, 'utf8'));
  }
});

after(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('docs site', () => {
  it('renders one HTML page per Markdown source, plus the stylesheet', async () => {
    const sources = (await readdir(DOCS_DIR)).filter((name) => name.endsWith('.md')).map((name) => name.replace(/\.md$/, '.html'));
    const written = (await readdir(outDir)).sort();
    assert.deepEqual(written, [...sources, 'style.css'].sort());
  });

  it('gives every page a title, one h1 and real content', () => {
    for (const [file, page] of html) {
      assert.match(page, /<title>[^<]+ · Wasmcloud<\/title>/, `${file} has no title`);
      assert.equal(page.match(/<h1[\s>]/g)?.length, 1, `${file} should have exactly one h1`);
      const main = /<main id="content">([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
      const text = main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      assert.ok(text.length > 500, `${file} has only ${text.length} characters of text`);
    }
  });

  it('lists every page in the navigation and marks the current one', () => {
    for (const [file, page] of html) {
      const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';
      for (const { slug } of PAGES) {
        assert.ok(nav.includes(`href="${slug}.html"`), `${file}: navigation misses ${slug}.html`);
      }
      assert.ok(nav.includes(`href="${file}" aria-current="page"`), `${file}: navigation does not mark it current`);
    }
  });

  it('points every internal link at an existing page and heading', () => {
    const broken = [];
    for (const [file, page] of html) {
      for (const [, href] of page.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (/^(https?:|mailto:)/.test(href)) {
          continue;
        }
        const [target, fragment] = href.split('#');
        const targetFile = target === '' ? file : target;
        if (targetFile === 'style.css') {
          continue;
        }
        const targetPage = html.get(targetFile);
        if (targetPage === undefined) {
          broken.push(`${file}: ${href} (no such page)`);
        } else if (fragment !== undefined && !targetPage.includes(` id="${fragment}"`)) {
          broken.push(`${file}: ${href} (no such heading)`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it('leaves no Markdown links behind', () => {
    for (const [file, page] of html) {
      assert.doesNotMatch(page, /href="[^"]*\.md(#[^"]*)?"/, `${file} still links to a .md file`);
    }
  });

  it('escapes code instead of passing it through as HTML', () => {
    const writing = html.get('writing-functions.html');
    assert.ok(writing.includes('<code class="language-wat">'), 'the WAT example should be a code block');
    assert.ok(writing.includes('(data (i32.const 16) &quot;Content-Type: text/plain'), 'quotes in code should be escaped');
  });

  it('makes heading ids the way GitHub does, so links work on both', () => {
    assert.equal(slugify('The CGI contract'), 'the-cgi-contract');
    assert.equal(slugify('`wasmcloud functions create NAME`'), 'wasmcloud-functions-create-name');
    assert.equal(slugify('`GET /api/functions/{name}`'), 'get-apifunctionsname');
    assert.equal(slugify('Buffers: the fits-or-tells rule'), 'buffers-the-fits-or-tells-rule');
  });
});

// Checks the built site (target/classes/static/docs, written by `npm run build` before Maven's test phase) the way a
// reader would notice problems: a page missing from the build or the navigation, no 404 page, a search that cannot
// find what people look for. VitePress itself fails the build on a link to a page that does not exist.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import MiniSearch from 'minisearch';
import { sidebar } from '../src/docs/.vitepress/config.mjs';
import { operations, readOpenApi } from '../scripts/references.mjs';

const SOURCES = fileURLToPath(new URL('../src/docs', import.meta.url));
const SITE = fileURLToPath(new URL('../target/classes/static/docs', import.meta.url));

let pages;
let search;

before(async () => {
  pages = (await markdownFiles(SOURCES)).map((file) => relative(SOURCES, file).replace(/\.md$/, ''));
  search = await loadSearchIndex();
});

describe('docs site', () => {
  it('builds one HTML page per Markdown source, and a 404 page', async () => {
    for (const page of [...pages, '404']) {
      const html = await readFile(join(SITE, `${page}.html`), 'utf8');
      assert.match(html, /<title>[^<]+<\/title>/, `${page}.html has no title`);
    }
  });

  it('lists every page in the navigation, and every navigation entry is a page', () => {
    const linked = sidebar.flatMap((group) => group.items.map((item) => item.link.replace(/^\//, '') || 'index'));
    assert.deepEqual([...linked].sort(), [...pages].sort());
  });

  it('offers dark mode and an edit link on every page', async () => {
    const html = await readFile(join(SITE, 'limits.html'), 'utf8');
    assert.match(html, /vitepress-theme-appearance/);
    assert.match(html, /Edit this page/);
  });

  it('needs no inline script, which the docs host\'s Content-Security-Policy blocks', async () => {
    const html = await readFile(join(SITE, 'getting-started.html'), 'utf8');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1].trim());
    // The theme's two appearance checks only avoid a flash before the app starts; the app itself sets them too.
    assert.deepEqual(
      inline.filter((attributes) => !['id="check-dark-mode"', 'id="check-mac-os"'].includes(attributes)),
      [],
    );
  });

  it('publishes the OpenAPI document beside the API reference, which lists every endpoint in it', async () => {
    const published = JSON.parse(await readFile(join(SITE, 'openapi.json'), 'utf8'));
    const html = await readFile(join(SITE, 'api.html'), 'utf8');
    assert.deepEqual(published, await readOpenApi());
    const link = html.match(/href="([^"]*openapi\.json)"/);
    assert.ok(link, 'api.html does not link the document');
    assert.equal(new URL(link[1], 'http://docs.test/docs/api.html').pathname, '/docs/openapi.json');
    for (const { path, method } of operations(published)) {
      assert.ok(html.includes(`${method.toUpperCase()} ${path}`), `api.html does not show ${method} ${path}`);
    }
  });

  for (const term of ['timeout', 'secret', 'allow-list']) {
    it(`search finds "${term}"`, () => {
      const hits = search.search(term, { prefix: true });
      assert.ok(hits.length > 0, `no search result for ${term}`);
    });
  }
});

async function markdownFiles(directory) {
  const files = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) {
      files.push(...(await markdownFiles(path)));
    } else if (entry.isFile() && entry.name.endsWith('.md')) {
      files.push(path);
    }
  }
  return files;
}

/** The index VitePress's local search ships to the browser, loaded with the same library and fields it uses. */
async function loadSearchIndex() {
  const chunks = join(SITE, 'assets/chunks');
  const name = (await readdir(chunks)).find((file) => file.startsWith('@localSearchIndexroot'));
  assert.ok(name, 'the build has no local search index');
  const { default: json } = await import(join(chunks, name));
  return MiniSearch.loadJSON(json, { fields: ['title', 'titles', 'text'], storeFields: ['title', 'titles'] });
}

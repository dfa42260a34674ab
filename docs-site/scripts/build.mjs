// Renders src/docs/*.md into static HTML pages with one shared layout, navigation and stylesheet.
// Usage: node scripts/build.mjs <output directory>

import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCS_DIR = join(ROOT, 'src/docs');
const SITE_DIR = join(ROOT, 'src/site');

/** Navigation order; every Markdown page must be listed here, and every entry must exist. */
export const PAGES = [
  { slug: 'index', nav: 'Overview' },
  { slug: 'getting-started', nav: 'Getting started' },
  { slug: 'writing-functions', nav: 'Writing functions' },
  { slug: 'running-locally', nav: 'Running locally' },
  { slug: 'cli', nav: 'CLI' },
  { slug: 'api', nav: 'HTTP API' },
  { slug: 'limits', nav: 'Limits' },
  { slug: 'operating', nav: 'Operating' },
  { slug: 'install', nav: 'Installing' },
];

/** Builds the site into `outDir` and returns the pages written, in navigation order. */
export async function buildSite(outDir) {
  await checkPagesMatchSources();
  const layout = await readFile(join(SITE_DIR, 'layout.html'), 'utf8');
  await mkdir(outDir, { recursive: true });
  const written = [];
  for (const page of PAGES) {
    const markdown = await readFile(join(DOCS_DIR, `${page.slug}.md`), 'utf8');
    const { title, body } = render(markdown, page.slug);
    const html = fill(layout, { title: escapeHtml(title), nav: navigation(page.slug), content: body });
    const file = join(outDir, `${page.slug}.html`);
    await writeFile(file, html);
    written.push({ ...page, title, file });
  }
  await copyFile(join(SITE_DIR, 'style.css'), join(outDir, 'style.css'));
  return written;
}

async function checkPagesMatchSources() {
  const sources = (await readdir(DOCS_DIR)).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
  const listed = PAGES.map((page) => page.slug);
  const unlisted = sources.filter((slug) => !listed.includes(slug));
  const missing = listed.filter((slug) => !sources.includes(slug));
  if (unlisted.length > 0 || missing.length > 0) {
    throw new Error(
      `src/docs and PAGES in scripts/build.mjs disagree: not in PAGES: [${unlisted.join(', ')}]; ` +
        `no Markdown file: [${missing.join(', ')}]`,
    );
  }
}

function render(markdown, slug) {
  const usedIds = new Set();
  let title;
  const marked = new Marked({
    gfm: true,
    // Pages link to each other as `other.md#part`, which also works when browsing the sources; the site uses .html.
    walkTokens(token) {
      if (token.type === 'link') {
        token.href = token.href.replace(/^([a-z0-9-]+)\.md(#.*)?$/, '$1.html$2');
      }
    },
    renderer: {
      heading({ tokens, depth, text }) {
        if (depth === 1) {
          if (title !== undefined) {
            throw new Error(`${slug}.md has more than one level-1 heading`);
          }
          title = text;
        }
        const id = uniqueId(slugify(text), usedIds);
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown);
  if (title === undefined) {
    throw new Error(`${slug}.md needs a level-1 heading: it is the page title`);
  }
  return { title, body };
}

function navigation(currentSlug) {
  const items = PAGES.map(({ slug, nav }) => {
    const current = slug === currentSlug ? ' aria-current="page"' : '';
    return `<li><a href="${slug}.html"${current}>${escapeHtml(nav)}</a></li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

/** Heading text → fragment id, as GitHub makes them: lower case, punctuation dropped, spaces to hyphens (`Error codes` → `error-codes`). */
export function slugify(text) {
  return (
    text
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z]+;|&#\d+;/g, '')
      .replace(/[^a-z0-9\s_-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-') || 'section'
  );
}

function uniqueId(base, used) {
  let id = base;
  for (let n = 2; used.has(id); n++) {
    id = `${base}-${n}`;
  }
  used.add(id);
  return id;
}

function fill(template, values) {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, key) => {
    if (!(key in values)) {
      throw new Error(`layout.html uses unknown placeholder ${placeholder}`);
    }
    return values[key];
  });
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node scripts/build.mjs <output directory>');
    process.exit(2);
  }
  const pages = await buildSite(resolve(outDir));
  console.log(`docs-site: wrote ${pages.length} pages to ${resolve(outDir)}`);
}

// VitePress configuration of the documentation site. The navigation lives here, in one place; site.test.mjs checks
// that every page is in it and every entry exists.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitepress';

// Where the edit links point; an installation that hosts the sources elsewhere sets WASMCLOUD_DOCS_EDIT_URL.
const editUrl =
  process.env.WASMCLOUD_DOCS_EDIT_URL ?? 'https://git.wasmcloud.app/wasmcloud/wasmcloud/src/branch/main/docs-site/src/docs/:path';

export const sidebar = [
  {
    text: 'Start here',
    items: [
      { text: 'Overview', link: '/' },
      { text: 'Quick start', link: '/getting-started' },
      { text: 'Running locally', link: '/running-locally' },
    ],
  },
  {
    text: 'Writing functions',
    items: [
      { text: 'How a function works', link: '/writing-functions' },
      { text: 'C against Olin', link: '/languages/c-olin' },
      { text: 'C against WASI', link: '/languages/c-wasi' },
      { text: 'AssemblyScript', link: '/languages/assemblyscript' },
      { text: 'Rust', link: '/languages/rust' },
      { text: 'Zig', link: '/languages/zig' },
      { text: 'WebAssembly text (WAT)', link: '/languages/wat' },
      { text: 'A JSON API', link: '/languages/json-api' },
    ],
  },
  {
    text: 'Contracts',
    items: [
      { text: 'The CGI contract', link: '/cgi' },
      { text: 'Olin ABI reference', link: '/olin-abi' },
      { text: 'WASI support', link: '/wasi' },
      { text: 'Limits and quotas', link: '/limits' },
      { text: 'Tiers and the examples catalog', link: '/tiers' },
    ],
  },
  {
    text: 'Using the platform',
    items: [
      { text: 'Configuration and secrets', link: '/secrets' },
      { text: 'Egress allow-lists', link: '/egress' },
      { text: 'Background and scheduled', link: '/background' },
      { text: 'Logs and debugging', link: '/debugging' },
      { text: 'Recording and replay', link: '/replay' },
      { text: 'Tokens, scopes and login', link: '/tokens' },
      { text: 'Migrating a 2018 Olin module', link: '/migrating-olin' },
    ],
  },
  {
    text: 'Reference',
    items: [
      { text: 'CLI', link: '/cli' },
      { text: 'HTTP API', link: '/api' },
      { text: 'Configuration', link: '/configuration' },
    ],
  },
  {
    text: 'Operating',
    items: [
      { text: 'Operator guide', link: '/operating' },
      { text: 'Installing on servers', link: '/install' },
      { text: 'PostgreSQL, B2, backups, upgrades', link: '/data' },
    ],
  },
];

export default defineConfig({
  title: 'Wasmcloud',
  description: 'Functions as a service for WebAssembly: deploy a .wasm module, get a URL.',
  // ./dev serves the site under /docs/ beside the panel; nginx serves the same build on the docs host.
  base: '/docs/',
  outDir: fileURLToPath(new URL('../../../target/classes/static/docs', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../../../target/vitepress-cache', import.meta.url)),
  // Plain .html files: any static file server (the JDK's in ./dev, nginx) serves them without rewrite rules.
  cleanUrls: false,
  // The site data and page hash map go into a script file instead of an inline <script>, which the docs host's
  // Content-Security-Policy (script-src 'self', deploy/nginx) would block, and the pages would never come alive.
  metaChunk: true,
  lastUpdated: false,
  // The docs name the dev stack's own addresses (http://localhost:8080); they are examples, not pages to check.
  ignoreDeadLinks: 'localhostLinks',
  // The example sources are included from ../../examples; VitePress must not treat them as pages.
  srcExclude: ['**/README.md'],
  markdown: {
    theme: { light: 'github-light', dark: 'github-dark' },
    // Highlighting only the grammars the pages use keeps the build fast.
    languages: ['c', 'rust', 'shellscript', 'wasm', 'typescript', 'json', 'http', 'nginx', 'yaml', 'properties', 'ini', 'zig'],
    languageAlias: { wat: 'wasm' },
  },
  themeConfig: {
    nav: [
      { text: 'Quick start', link: '/getting-started' },
      { text: 'CLI', link: '/cli' },
      { text: 'HTTP API', link: '/api' },
      { text: 'Operating', link: '/operating' },
    ],
    sidebar,
    search: { provider: 'local' },
    editLink: { pattern: editUrl, text: 'Edit this page' },
    outline: { level: [2, 3] },
    notFound: {
      title: 'No such page',
      quote: 'The page you asked for is not part of these docs (any more).',
      linkText: 'Back to the overview',
    },
  },
});

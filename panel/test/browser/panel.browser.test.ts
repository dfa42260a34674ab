// The built panel (target/dist) in Debian's Chromium, against a fake API served by the same Node server.
// Run `npm run build` first; Maven does. Skips with a message when Chromium is not installed.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = resolve(import.meta.dirname, '../../target/dist');
const TOKEN = 'good-token';
const WASM_HEADER = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

interface Upload {
  functionName: string;
  query: string;
  contentType: string;
  body: Buffer;
}

class FakeApi {
  readonly uploads: Upload[] = [];
  private readonly functions = [
    {
      name: 'hello',
      description: 'Says hello',
      visibility: 'public',
      activeVersion: 3,
      url: 'http://localhost:8081/hello',
      createdAt: '2025-01-01T10:00:00Z',
      updatedAt: '2025-01-02T10:00:00Z',
    },
  ];

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return problem(response, 401, 'Unauthorized', 'The API token is missing, expired or revoked.');
    }
    if (request.method === 'GET' && url.pathname === '/api/whoami') {
      return send(response, 200, { login: 'alice', role: 'user', status: 'active' });
    }
    if (request.method === 'GET' && url.pathname === '/api/functions') {
      return send(response, 200, this.functions);
    }
    const deploy = /^\/api\/functions\/([^/]+)\/versions$/.exec(url.pathname);
    if (request.method === 'POST' && deploy !== null) {
      const functionName = decodeURIComponent(deploy[1]!);
      const body = await readBody(request);
      this.uploads.push({ functionName, query: url.search, contentType: request.headers['content-type'] ?? '', body });
      if (functionName === 'broken') {
        return problem(response, 422, 'Invalid module', 'The module cannot run on Wasmcloud: it imports unknown functions.', [
          'unknown import env.socket_open',
        ]);
      }
      const now = new Date().toISOString();
      const functionUrl = `http://localhost:8081/${functionName}`;
      this.functions.push({ name: functionName, description: '', visibility: 'public', activeVersion: 1, url: functionUrl, createdAt: now, updatedAt: now });
      return send(response, 201, { function: functionName, number: 1, sha256: 'ab'.repeat(32), sizeBytes: 8, abi: 'olin', entrypoint: '_start', createdAt: now, url: functionUrl });
    }
    return problem(response, 404, 'Not Found', `No route for ${request.method} ${url.pathname}`);
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

async function serveDist(response: ServerResponse, url: URL, origin: string): Promise<void> {
  if (url.pathname === '/config.json') {
    return send(response, 200, { apiBaseUrl: origin });
  }
  const relative = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = join(DIST, relative);
  if (!file.startsWith(DIST)) {
    return problem(response, 403, 'Forbidden', 'Outside the dist folder');
  }
  try {
    const content = await readFile(file);
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(content);
  } catch {
    problem(response, 404, 'Not Found', `${url.pathname} is not in the built panel`);
  }
}

function send(response: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  response.writeHead(status, { 'Content-Type': contentType });
  response.end(JSON.stringify(body));
}

function problem(response: ServerResponse, status: number, title: string, detail: string, errors?: string[]): void {
  send(response, status, { type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }, 'application/problem+json');
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const chromiumInstalled = existsSync(CHROMIUM);
if (!chromiumInstalled) {
  console.warn(`Skipping the panel browser test: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH).`);
}

describe.skipIf(!chromiumInstalled)('panel in Chromium', () => {
  const api = new FakeApi();
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error(`${DIST}/index.html is missing: run \`npm run build\` first.`);
    }
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', origin);
      const handled = url.pathname.startsWith('/api/') ? api.handle(request, response, url) : serveDist(response, url, origin);
      handled.catch((error: unknown) => problem(response, 500, 'Internal Server Error', String(error)));
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((closed) => server?.close(closed));
  });

  it('refuses a bad token and shows the API detail', async () => {
    await page.goto(origin);
    await page.getByLabel('API token', { exact: true }).fill('wrong-token');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const alert = page.locator('#problem');
    await alert.getByText('The API token is missing, expired or revoked.').waitFor();
    expect(await alert.textContent()).toContain('Unauthorized (401)');
    expect(await page.getByLabel('API token', { exact: true }).isVisible()).toBe(true);
  });

  it('signs in with a pasted token and lists the functions with links', async () => {
    await page.getByLabel('API token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByText('Signed in as alice (user, active)').waitFor();
    const link = page.getByRole('link', { name: 'hello' });
    expect(await link.getAttribute('href')).toBe('http://localhost:8081/hello');
    expect(await page.locator('#problem').isHidden()).toBe(true);
  });

  it('deploys a module as multipart and shows it in the list', async () => {
    await page.getByLabel('Function name').fill('greeter');
    await page.getByLabel('WebAssembly module').setInputFiles({ name: 'greeter.wasm', mimeType: 'application/wasm', buffer: WASM_HEADER });
    await page.getByRole('button', { name: 'Deploy' }).click();

    await page.locator('#deploy-result').getByText('greeter v1').waitFor();
    await page.getByRole('link', { name: 'greeter', exact: true }).waitFor();
    const upload = api.uploads.at(-1)!;
    expect(upload.functionName).toBe('greeter');
    expect(upload.query).toBe('?create=true');
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body.toString('latin1')).toContain('name="module"; filename="greeter.wasm"');
    expect(upload.body.includes(WASM_HEADER)).toBe(true);
  });

  it('shows the detail and every error of a 422', async () => {
    await page.getByLabel('Function name').fill('broken');
    await page.getByLabel('WebAssembly module').setInputFiles({ name: 'broken.wasm', mimeType: 'application/wasm', buffer: WASM_HEADER });
    await page.getByRole('button', { name: 'Deploy' }).click();

    const alert = page.locator('#deploy-problem');
    await alert.getByText('The module cannot run on Wasmcloud: it imports unknown functions.').waitFor();
    expect(await alert.textContent()).toContain('Invalid module (422)');
    expect(await alert.locator('li').allTextContents()).toEqual(['unknown import env.socket_open']);
    expect(await page.getByRole('link', { name: 'broken' }).count()).toBe(0);
  });

  it('keeps the token for the tab across a reload', async () => {
    await page.reload();
    await page.getByText('Signed in as alice').waitFor();
    await page.getByRole('button', { name: 'Forget token' }).click();
    await page.getByLabel('API token', { exact: true }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });
});

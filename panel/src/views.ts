// Rendering only: each function fills one container from data. Text goes in through textContent, never as
// HTML, because function names, descriptions and error messages come from users.

import type { ApiError, DeployedVersion, FunctionSummary, WhoAmI } from './api';

export function showProblem(container: HTMLElement, error: ApiError): void {
  const heading = el('p', { className: 'problem-title' }, error.status > 0 ? `${error.title} (${error.status})` : error.title);
  const children: Node[] = [heading];
  if (error.detail) {
    children.push(el('p', { className: 'problem-detail' }, error.detail));
  }
  if (error.errors.length > 0) {
    children.push(el('ul', { className: 'problem-errors' }, ...error.errors.map((message) => el('li', {}, message))));
  }
  container.replaceChildren(...children);
  container.hidden = false;
}

export function clearProblem(container: HTMLElement): void {
  container.replaceChildren();
  container.hidden = true;
}

export function showAccount(container: HTMLElement, who: WhoAmI): void {
  const line = el('span', {}, 'Signed in as ', el('strong', {}, who.login), ` (${who.role}, ${who.status})`);
  const children: Node[] = [line];
  if (who.status !== 'active') {
    children.push(el('span', { className: 'notice' }, ` Your account is ${who.status}: deploying is disabled until an admin approves it.`));
  }
  container.replaceChildren(...children);
}

export function showFunctions(container: HTMLElement, functions: readonly FunctionSummary[]): void {
  if (functions.length === 0) {
    container.replaceChildren(el('p', { className: 'empty' }, 'No functions yet. Deploy a module below to create one.'));
    return;
  }
  const head = el('tr', {}, ...['Name', 'Visibility', 'Active version', 'Description', 'Updated'].map((label) => el('th', { scope: 'col' }, label)));
  const rows = [...functions]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((fn) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, linkTo(fn.url, fn.name)),
        el('td', {}, fn.visibility),
        el('td', {}, fn.activeVersion === null ? 'none' : `v${fn.activeVersion}`),
        el('td', {}, fn.description ?? ''),
        el('td', {}, el('time', { dateTime: fn.updatedAt }, formatTime(fn.updatedAt))),
      ),
    );
  container.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)));
}

export function showDeployed(container: HTMLElement, version: DeployedVersion): void {
  container.replaceChildren(
    el('p', {}, 'Deployed ', el('strong', {}, `${version.function} v${version.number}`), ` (${version.abi}, ${formatBytes(version.sizeBytes)}). It answers at `, linkTo(version.url, version.url), '.'),
    el('p', { className: 'hint' }, `SHA-256 ${version.sha256}`),
  );
}

// Only http(s) URLs become links: a `javascript:` URL from a compromised API must not run in the panel.
function linkTo(url: string, text: string): HTMLElement {
  if (!/^https?:\/\//i.test(url)) {
    return el('span', {}, text);
  }
  return el('a', { href: url, rel: 'noopener noreferrer' }, text);
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element, props);
  element.append(...children);
  return element;
}

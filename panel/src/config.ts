// Where the API lives. In production the panel is served from the API's own origin and `config.json` may be
// absent; in dev it sits next to index.html and points at the api-server on another port.

export interface PanelConfig {
  apiBaseUrl: string;
}

export async function loadConfig(fetchFunction: typeof fetch = globalThis.fetch): Promise<PanelConfig> {
  const response = await fetchFunction('config.json', { cache: 'no-store' });
  if (response.status === 404) {
    return { apiBaseUrl: '' };
  }
  if (!response.ok) {
    throw new Error(`config.json could not be loaded (HTTP ${response.status}).`);
  }
  const config: unknown = await response.json();
  const apiBaseUrl = typeof config === 'object' && config !== null ? (config as Record<string, unknown>).apiBaseUrl : undefined;
  if (apiBaseUrl !== undefined && typeof apiBaseUrl !== 'string') {
    throw new Error('config.json: "apiBaseUrl" must be a string such as "http://localhost:8080".');
  }
  return { apiBaseUrl: apiBaseUrl ?? '' };
}

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const reply = (status: number, body = '') => async () => new Response(body, { status });

describe('loadConfig', () => {
  it('reads the API base URL from config.json', async () => {
    const config = await loadConfig(reply(200, '{"apiBaseUrl":"http://localhost:8080"}'));
    expect(config.apiBaseUrl).toBe('http://localhost:8080');
  });

  it('falls back to the page origin when config.json is absent', async () => {
    expect((await loadConfig(reply(404))).apiBaseUrl).toBe('');
  });

  it('rejects a base URL that is not a string', async () => {
    await expect(loadConfig(reply(200, '{"apiBaseUrl":8080}'))).rejects.toThrow('"apiBaseUrl" must be a string');
  });

  it('rejects a config.json that cannot be loaded', async () => {
    await expect(loadConfig(reply(500))).rejects.toThrow('HTTP 500');
  });
});

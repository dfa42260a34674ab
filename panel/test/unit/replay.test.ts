import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchFunction } from '../../src/api/client';
import { ApiError } from '../../src/api/problem';
import type { RecordingTrace } from '../../src/api/types';
import { recordingCaveats, timelineRows } from '../../src/lib/replay';

const trace: RecordingTrace = {
  invocationId: '0190e0a0-0000-7000-8000-000000000001',
  function: 'hello',
  version: 3,
  entrypoint: null,
  formatVersion: 1,
  request: { method: 'GET', path: '/', query: '', headers: [] },
  env: [
    { name: 'MODE', value: 'test', secret: false },
    { name: 'API_KEY', value: 'API_KEY', secret: true },
  ],
  stdinBytes: 0,
  stdinCut: false,
  hostCallsTotal: 3,
  hostCallsCut: false,
  hostCalls: [
    { index: 1, name: 'time_now', args: [], results: [1764743000], bytesHex: null, bytesLength: 0, atMicros: 12 },
    { index: 2, name: 'resource_read', args: [70001, 8192, 1000], results: [80], bytesHex: 'ab'.repeat(64), bytesLength: 80, atMicros: 1500 },
    { index: 3, name: 'runtime_exit', args: [1], results: null, bytesHex: null, bytesLength: 0, atMicros: 2000 },
  ],
  ending: { outcome: 'NONZERO_EXIT', exitCode: 1, trapMessage: null, stdoutSha256: '00' },
  replayCommand: 'wasmcloud replay 0190e0a0-0000-7000-8000-000000000001',
};

describe('the recording timeline', () => {
  it('lists every host call in order with its arguments, result, bytes and time', () => {
    expect(timelineRows(trace)).toEqual([
      { index: 1, at: '0.012', call: 'time_now()', result: '1764743000', bytes: '' },
      { index: 2, at: '1.500', call: 'resource_read(70001, 8192, 1000)', result: '80', bytes: `${'ab'.repeat(64)}…` },
      { index: 3, at: '2.000', call: 'runtime_exit(1)', result: 'did not return', bytes: '' },
    ]);
  });

  it('names the secrets a replay needs, and says when a recording was cut', () => {
    expect(recordingCaveats(trace)).toEqual(['Secrets are recorded by name only: give their values to the replay with --env API_KEY=VALUE']);
    const cut = { ...trace, hostCallsCut: true, hostCallsTotal: 9000, stdinCut: true, stdinBytes: 300000, env: [] };
    expect(recordingCaveats(cut)).toEqual([
      'The log was cut at 3 of 9000 host calls: a replay cannot be exact.',
      'The request body of 300000 bytes was cut when recorded: a replay cannot be exact.',
    ]);
  });
});

describe('ApiClient.getRecordingTrace', () => {
  const stub = (response: Response): FetchFunction => async () => response;

  it('reads the trace of a recorded invocation', async () => {
    const response = new Response(JSON.stringify(trace), { status: 200, headers: { 'Content-Type': 'application/json' } });
    const found = await new ApiClient({ fetch: stub(response), cookies: () => '' }).getRecordingTrace(trace.invocationId);
    expect(found?.hostCalls).toHaveLength(3);
  });

  it('answers null for an invocation that was not recorded', async () => {
    const response = new Response(JSON.stringify({ status: 404, detail: 'No recording' }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    expect(await new ApiClient({ fetch: stub(response), cookies: () => '' }).getRecordingTrace('x')).toBeNull();
  });

  it('turns any other failure into the server problem', async () => {
    const response = new Response(JSON.stringify({ status: 503, title: 'Storage unavailable', detail: 'try again' }), {
      status: 503,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const error = await new ApiClient({ fetch: stub(response), cookies: () => '' }).getRecordingTrace('x').then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchFunction } from '../../src/api/client';
import { ApiError } from '../../src/api/problem';
import type { UsageView, UserView } from '../../src/api/types';
import { parseRoute, hrefOf } from '../../src/lib/route';
import { dayOf, parseOverride, quotaUse, usageSeries, utcDay } from '../../src/lib/usage';
import { isWaiting } from '../../src/views/AdminPage';

const usage: UsageView = {
  login: 'ada',
  since: '2026-12-01',
  days: [
    { day: '2026-12-01', invocations: 4, cpuTimeUs: 5_500, bytesIn: 35, bytesOut: 380, outboundRequests: 3, refused: 2 },
    { day: '2026-12-03', invocations: 10, cpuTimeUs: 2_000_000, bytesIn: 0, bytesOut: 0, outboundRequests: 0, refused: 0 },
  ],
};

function user(overrides: Partial<UserView>): UserView {
  return { login: 'ada', giteaId: null, role: 'user', status: 'active', tier: 'examples', quotaOverrides: null, application: null, createdAt: '', ...overrides };
}

describe('the account page', () => {
  it('has its own URL', () => {
    expect(parseRoute('#/account')).toEqual({ screen: 'account' });
    expect(hrefOf({ screen: 'account' })).toBe('#/account');
  });

  it('charts one point per UTC day, with the days without usage as zero', () => {
    const series = usageSeries(usage, '2026-12-03');

    expect(series.x).toEqual([Date.UTC(2026, 11, 1) / 1000, Date.UTC(2026, 11, 2) / 1000, Date.UTC(2026, 11, 3) / 1000]);
    expect(series.invocations).toEqual([4, 0, 10]);
    expect(series.cpuSeconds).toEqual([0.006, 0, 2]);
    expect(series.refused).toEqual([2, 0, 0]);
  });

  it('sets today beside the daily quotas', () => {
    const today = dayOf(usage, '2026-12-03');
    const uses = quotaUse(today, { functions: 3, invocationsPerDay: 1000, cpuSecondsPerDay: 60, requestsPerSecond: 5 });

    expect(uses).toEqual([
      { label: 'Invocations today', used: 10, quota: 1000, share: 0.01 },
      { label: 'CPU seconds today', used: 2, quota: 60, share: 2 / 60 },
    ]);
    expect(dayOf(usage, '2026-12-02').invocations).toBe(0);
    expect(quotaUse(dayOf(usage, '2026-12-02'), { functions: 1, invocationsPerDay: 0, cpuSecondsPerDay: null, requestsPerSecond: 1 })[0]?.share).toBeNull();
  });

  it('counts the day in UTC', () => {
    expect(utcDay(new Date('2026-12-03T23:30:00-05:00'))).toBe('2026-12-04');
  });
});

describe('the admins queue', () => {
  it('holds pending signups and users with an application waiting', () => {
    expect(isWaiting(user({ status: 'pending' }))).toBe(true);
    expect(isWaiting(user({ application: { reason: 'webhooks', appliedAt: '' } }))).toBe(true);
    expect(isWaiting(user({}))).toBe(false);
  });
});

describe('an admin override as typed', () => {
  it('is blank for the tier, a whole number within bounds, or invalid', () => {
    expect(parseOverride('  ')).toBeNull();
    expect(parseOverride('50000')).toBe(50000);
    expect(parseOverride('0')).toBe(0);
    expect(parseOverride('0', 1)).toBe('invalid');
    expect(parseOverride('-3')).toBe('invalid');
    expect(parseOverride('1.5')).toBe('invalid');
  });
});

describe('the account calls', () => {
  it('send the application and the decline as JSON, and ask usage from a day', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch: FetchFunction = async (url, init = {}) => {
      calls.push({ url, init });
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = new ApiClient({ fetch, cookies: () => 'XSRF-TOKEN=t' });

    await client.applyForTier('a club');
    await client.declineApplication('bob', 'Not yet.');
    await client.approveUser('ada', 'free');
    await client.usage('2026-12-01');
    await client.overrideQuotas('ada', { functions: null, invocationsPerDay: 50000, cpuSecondsPerDay: null, requestsPerSecond: null });

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'POST /api/account/application',
      'POST /api/admin/users/bob/decline',
      'POST /api/admin/users/ada/approve?tier=free',
      'GET /api/account/usage?since=2026-12-01',
      'PUT /api/admin/users/ada/quotas',
    ]);
    expect(calls[4]?.init.body).toBe('{"functions":null,"invocationsPerDay":50000,"cpuSecondsPerDay":null,"requestsPerSecond":null}');
    expect(calls[0]?.init.body).toBe('{"reason":"a club"}');
    expect(calls[1]?.init.body).toBe('{"message":"Not yet."}');
    expect(new Headers(calls[0]?.init.headers).get('X-XSRF-TOKEN')).toBe('t');
  });

  it('turn a refusal into the server’s problem', async () => {
    const fetch: FetchFunction = async () =>
      new Response(JSON.stringify({ title: 'Conflict', status: 409, detail: 'Your application is already waiting' }), {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      });

    const error = await new ApiClient({ fetch, cookies: () => '' }).applyForTier('again').catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).detail).toBe('Your application is already waiting');
  });
});

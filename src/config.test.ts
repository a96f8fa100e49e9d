import { describe, expect, it } from 'vitest';
import { loadConfig, trustProxyOption } from './config.ts';

describe('TRUST_PROXY', () => {
  it('takes a number of proxies or their addresses, and believes no client by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toBe('10.0.0.5,10.1.0.0/16');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('with one proxy, trusts the proxy in front and no hop before it', () => {
    const trust = trustProxyOption(1) as (address: string, hop: number) => boolean;
    expect([trust('10.0.0.5', 0), trust('1.2.3.4', 1)]).toEqual([true, false]);
  });
});

describe('SESSION_MAX_HOURS', () => {
  it('is 12 hours unless set, and refuses what is not a number of hours', () => {
    expect(loadConfig({}).sessionMaxHours).toBe(12);
    expect(loadConfig({ SESSION_MAX_HOURS: '8' }).sessionMaxHours).toBe(8);
    expect(() => loadConfig({ SESSION_MAX_HOURS: 'mot ngay' })).toThrow(/SESSION_MAX_HOURS/);
  });
});

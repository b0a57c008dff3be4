// Where the pane runs (requirement sets, outside Excel) and how it signs in.
import { afterEach, describe, expect, it } from 'vitest';
import { detectHost } from '../../addin/src/office/host';
import { Auth, TOKEN_KEY } from '../../addin/src/auth';
import { initialLocale } from '../../addin/src/i18n';
import { installFakeOffice, uninstallFakeOffice } from './fake-office/index';

afterEach(() => uninstallFakeOffice());

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
};

describe('detectHost', () => {
  it('says "outside" without office.js or with a null host', async () => {
    expect(await detectHost({})).toEqual({ kind: 'outside' });
    const g: Record<string, unknown> = {};
    installFakeOffice({ host: null }, g);
    expect(await detectHost(g as never)).toEqual({ kind: 'outside' });
  });

  it('refuses Excel older than ExcelApi 1.7 and reports what newer sets allow', async () => {
    for (const [api, expected] of [
      ['1.6', { kind: 'tooOld' }],
      ['1.7', { kind: 'excel', caps: { supported: true, dataValidation: false, comments: false, notes: false } }],
      ['1.9', { kind: 'excel', caps: { supported: true, dataValidation: true, comments: false, notes: false } }],
      ['1.10', { kind: 'excel', caps: { supported: true, dataValidation: true, comments: true, notes: false } }],
      ['1.18', { kind: 'excel', caps: { supported: true, dataValidation: true, comments: true, notes: true } }],
    ] as const) {
      const g: Record<string, unknown> = {};
      installFakeOffice({ excelApi: api, displayLanguage: 'en-US' }, g);
      const h = await detectHost(g as never);
      expect(h, api).toMatchObject(expected);
    }
  });
});

describe('Auth', () => {
  it('uses Office SSO when the host gives a token, and a pasted token over it', async () => {
    const store = memory();
    const g: Record<string, unknown> = {};
    installFakeOffice({ ssoToken: 'sso-abc' }, g);
    const auth = new Auth(store, () => g.Office as never);
    expect(auth.token()).toBeUndefined();
    expect(await auth.trySso()).toBe(true);
    expect(auth.token()).toBe('sso-abc');
    expect(auth.setToken('  pasted-123 ')).toBe(true);
    expect(store.m.get(TOKEN_KEY)).toBe('pasted-123');
    expect(auth.token()).toBe('pasted-123');
    auth.signOut();
    expect(auth.token()).toBeUndefined();
  });

  it('falls back to a pasted token when SSO is unavailable, and rejects junk', async () => {
    const g: Record<string, unknown> = {};
    installFakeOffice({}, g);
    const auth = new Auth(memory(), () => g.Office as never);
    expect(await auth.trySso()).toBe(false);
    expect(auth.setToken('')).toBe(false);
    expect(auth.setToken('two words')).toBe(false);
    expect(auth.token()).toBeUndefined();
  });
});

describe('locale', () => {
  it('is Chinese by default, English from Office\'s display language or a saved choice', () => {
    expect(initialLocale(null, undefined)).toBe('zh-CN');
    expect(initialLocale(null, 'en-US')).toBe('en');
    expect(initialLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(initialLocale(null, 'zh-TW')).toBe('zh-CN');
  });
});

// The pane's REST client: bearer token, locale, and errors as ApiError with the server's message.
import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../../addin/src/api';

describe('ApiClient', () => {
  it('sends the token and locale, and returns the JSON body', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const api = new ApiClient('https://example.test', () => 'tok', () => 'en', async (url, init) => {
      seen.push({ url, headers: init!.headers as Record<string, string> });
      return new Response(JSON.stringify({ name: '李明', role: 'staff', county: '桃城区' }), { status: 200 });
    });
    expect(await api.me()).toEqual({ name: '李明', role: 'staff', county: '桃城区' });
    expect(seen[0]).toMatchObject({ url: 'https://example.test/api/v1/me', headers: { Authorization: 'Bearer tok', 'Accept-Language': 'en' } });
  });

  it('turns server errors, non-JSON answers and network failures into ApiError', async () => {
    const answer = (r: Response | Error) => new ApiClient('', () => undefined, () => 'zh-CN', async () => { if (r instanceof Error) throw r; return r; });
    const e1 = await answer(new Response(JSON.stringify({ error: { code: 'forbidden', message: '只能填报本县市区的项目' } }), { status: 403 })).me().catch((e) => e);
    expect(e1).toBeInstanceOf(ApiError);
    expect(e1).toMatchObject({ status: 403, code: 'forbidden', message: '只能填报本县市区的项目' });
    const e2 = await answer(new Response('<html>Bad Gateway</html>', { status: 502 })).me().catch((e) => e);
    expect(e2).toMatchObject({ status: 502, code: 'http_502', message: '<html>Bad Gateway</html>' });
    const e3 = await answer(new TypeError('Failed to fetch')).me().catch((e) => e);
    expect(e3).toMatchObject({ status: 0, code: 'network', message: 'Failed to fetch' });
  });

  it('sends the submission with an Idempotency-Key and keeps 422 findings in the error body', async () => {
    const body = { findings: [{ rule: 'REQUIRED', severity: 'error', row: 2, column: 'name', projectCode: null, value: '', message: '项目名称不能为空' }], errors: 1, warnings: 0 };
    let sent: RequestInit | undefined;
    const api = new ApiClient('', () => 't', () => 'zh-CN', async (_u, init) => { sent = init; return new Response(JSON.stringify(body), { status: 422 }); });
    const e = await api.submit({ period: '2026-06', county: '桃城区', baseVersion: 3, rows: [] }, 'key-1').catch((x) => x);
    expect((sent!.headers as Record<string, string>)['Idempotency-Key']).toBe('key-1');
    expect(JSON.parse(String(sent!.body))).toEqual({ period: '2026-06', county: '桃城区', baseVersion: 3, rows: [] });
    expect(e).toMatchObject({ status: 422, body });
  });
});

// REST client of the service (docs/CONTRACTS.md). Same origin as the pane; bearer token;
// errors come back as ApiError with the server's (localised) message.
import type { Finding, InputRow, Locale, Period } from '../../core/types';

export interface Me { id?: number | string; name: string; role: string; county: string | null }

export interface PublicConfig {
  city: { name: string; code: string; nameEn?: string };
  counties: { name: string; code: string; nameEn?: string }[];
  sectors: string[];
  deadlineDay: number;
  reportingPeriod?: Period;
  locale?: string;
  timezone?: string;
  maxRows?: number;
}

export interface LedgerRow extends Record<string, unknown> {
  previous?: { period: Period; ytdInvest?: number | null; cumInvest?: number | null; monthInvest?: number | null } | null;
}

export interface LedgerResponse { period: Period; county: string; version: number | string | null; rows: LedgerRow[] }

export interface FindingsResponse { findings: Finding[]; errors: number; warnings: number }

export interface SubmitOk extends FindingsResponse { stored: number; version: number | string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly body?: unknown) {
    super(message);
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class ApiClient {
  constructor(private base: string, private token: () => string | undefined, private locale: () => Locale, private fetchFn: Fetch = (i, o) => fetch(i, o)) {}

  private async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const token = this.token();
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          'Accept-Language': this.locale(),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
    }
    const text = await res.text();
    let json: unknown;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? (text.slice(0, 200) || res.statusText), json);
    }
    return json as T;
  }

  me(): Promise<Me> { return this.call('GET', '/api/v1/me'); }
  publicConfig(): Promise<PublicConfig> { return this.call('GET', '/api/v1/config/public'); }
  ledger(county: string, period: Period): Promise<LedgerResponse> {
    return this.call('GET', `/api/v1/ledger?county=${encodeURIComponent(county)}&period=${encodeURIComponent(period)}`);
  }
  submit(body: { period: Period; county: string; baseVersion: number | string | null; rows: InputRow[] }, idempotencyKey: string): Promise<SubmitOk> {
    return this.call('POST', '/api/v1/reports', body, { 'Idempotency-Key': idempotencyKey });
  }
}

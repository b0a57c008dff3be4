// Request limits, from the environment: KEYPROJ_BODY_LIMIT (bytes or "10mb") and KEYPROJ_MAX_ROWS.
export interface Limits {
  /** Largest JSON body accepted, in bytes. */
  bodyBytes: number;
  /** Most ledger rows accepted in one submission or validation. */
  maxRows: number;
}

export const DEFAULT_LIMITS: Limits = { bodyBytes: 10 * 1024 * 1024, maxRows: 5000 };

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2 };

export function limitsFromEnv(env: Record<string, string | undefined>): { limits: Limits; problems: string[] } {
  const problems: string[] = [];
  const limits = { ...DEFAULT_LIMITS };
  const body = env.KEYPROJ_BODY_LIMIT?.trim();
  if (body) {
    const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(body);
    if (m && Number(m[1]) > 0) limits.bodyBytes = Math.round(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
    else problems.push(`KEYPROJ_BODY_LIMIT：“${body}”应为正数字节数或带单位的大小，例如 10mb`);
  }
  const rows = env.KEYPROJ_MAX_ROWS?.trim();
  if (rows) {
    if (/^\d+$/.test(rows) && Number(rows) > 0) limits.maxRows = Number(rows);
    else problems.push(`KEYPROJ_MAX_ROWS：“${rows}”应为正整数，例如 5000`);
  }
  return { limits, problems };
}

export function formatBytes(n: number): string {
  return n >= 1024 ** 2 ? `${+(n / 1024 ** 2).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} B`;
}

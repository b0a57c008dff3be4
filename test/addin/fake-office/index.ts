// A faithful fake of office.js for Excel: installs `Office`, `Excel`, `OfficeExtension` and
// `CustomFunctions` on the global object over an in-memory workbook. Used by the unit tests
// (Node) and, bundled, served as office.js to the browser tests.
import { FakeError, WorkbookModel } from './model';
import { RequestContext } from './excel';

export { WorkbookModel, FakeError } from './model';
export { RequestContext } from './excel';

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set the fake host supports, e.g. '1.8' (default '1.10': comments, no notes). */
  excelApi?: string;
  /** Host reported by Office.onReady; null as outside Office. */
  host?: 'Excel' | null;
  displayLanguage?: string;
  /** A token for Office.auth.getAccessToken; when absent SSO fails as on a host without it. */
  ssoToken?: string;
  model?: WorkbookModel;
}

export interface FakeOffice {
  model: WorkbookModel;
  options: FakeOfficeOptions;
  /** Every request context Excel.run created, in order. */
  contexts: RequestContext[];
  /** Custom functions registered through CustomFunctions.associate. */
  functions: Map<string, (...args: unknown[]) => unknown>;
}

/** Requirement set versions compare part by part: 1.10 is after 1.9. */
export function versionAtMost(v: string, max: string): boolean {
  const a = v.split('.').map(Number);
  const b = max.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return true;
}

export function installFakeOffice(options: FakeOfficeOptions = {}, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): FakeOffice {
  const model = options.model ?? new WorkbookModel();
  const fake: FakeOffice = { model, options, contexts: [], functions: new Map() };
  const excelApi = options.excelApi ?? '1.10';
  const host = options.host === undefined ? 'Excel' : options.host;

  const Excel = {
    RequestContext: class extends RequestContext { constructor() { super(model); } },
    async run<T>(batch: (ctx: RequestContext) => Promise<T>): Promise<T> {
      if (host !== 'Excel') throw new FakeError('GeneralException', 'Excel is not available outside Excel.');
      const ctx = new RequestContext(model);
      fake.contexts.push(ctx);
      const result = await batch(ctx);
      // office.js flushes what the batch queued but did not sync.
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };

  const Office = {
    HostType: { Excel: 'Excel' },
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      requirements: {
        isSetSupported(name: string, version?: string | number): boolean {
          if (host !== 'Excel') return false;
          if (name !== 'ExcelApi') return false;
          return versionAtMost(String(version ?? '1.1'), excelApi);
        },
      },
    },
    auth: {
      async getAccessToken(): Promise<string> {
        if (options.ssoToken) return options.ssoToken;
        throw Object.assign(new Error('The add-in does not support single sign-on on this host.'), { code: 13012 });
      },
    },
    onReady(cb?: (info: { host: string | null; platform: string | null }) => void) {
      const info = { host, platform: host ? 'OfficeOnline' : null };
      return Promise.resolve().then(() => { cb?.(info); return info; });
    },
  };

  const CustomFunctions = {
    associate(id: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown) {
      if (typeof id === 'string') fake.functions.set(id.toUpperCase(), fn!);
      else for (const [k, f] of Object.entries(id)) fake.functions.set(k.toUpperCase(), f);
    },
  };

  Object.assign(target, {
    Office,
    Excel: host === 'Excel' ? Excel : undefined,
    OfficeExtension: { Error: FakeError },
    CustomFunctions,
    __fakeOffice: fake,
  });
  return fake;
}

export function uninstallFakeOffice(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  for (const k of ['Office', 'Excel', 'OfficeExtension', 'CustomFunctions', '__fakeOffice']) delete target[k];
}

// POST /reconcile: Suqian's cross-check of two sources of monthly investment per project
// (statistics bureau vs development commission), as JSON. With `period`, the full report of
// `keyproj reconcile` (server/reconcile.ts): sources as uploaded files or figures, plus SPEND_GAP.
import { reconcile } from '../../../core/reconcile';
import type { Project } from '../../../core/types';
import type { Store } from '../../store/store';
import { badField } from '../errors';
import type { RouteDef } from '../router';
import { readBody } from '../submission';
import type { Locale } from '../../../core/types';
import { figuresOf, readSource as readSourceFile, reconcileFigures, ReconcileInputError, type SourceFigures, type SourceKey } from '../../reconcile';
import { readPeriod } from './projects';

const SOURCE = {
  'zh-CN': '应为 {"项目代码": 金额（万元）} 对象，或 [{"projectCode":"…","amount":123}] 数组',
  en: 'must be {"<project code>": amount} or [{"projectCode":"…","amount":123}]',
};
const MAX_ENTRIES = 20_000;

function readSource(v: unknown, field: string): Map<string, number> {
  const entries: [unknown, unknown][] = Array.isArray(v)
    ? v.map((e) => (e && typeof e === 'object' ? [(e as Record<string, unknown>).projectCode, (e as Record<string, unknown>).amount] : [undefined, undefined]))
    : v && typeof v === 'object' ? Object.entries(v) : [];
  if ((!Array.isArray(v) && !(v && typeof v === 'object')) || entries.length > MAX_ENTRIES) throw badField(field, SOURCE);
  const out = new Map<string, number>();
  entries.forEach(([code, amount], i) => {
    if (typeof code !== 'string' || !code.trim() || code.length > 40 || typeof amount !== 'number' || !Number.isFinite(amount)) {
      throw badField(`${field}[${Array.isArray(v) ? i : JSON.stringify(String(code)).slice(0, 50)}]`, SOURCE);
    }
    out.set(code.trim(), amount);
  });
  return out;
}

const FILE = {
  'zh-CN': '应为 {"name":"文件名.xlsx 或 .csv","base64":"文件内容的 Base64"}，或上面的金额对象/数组',
  en: 'must be {"name":"file.xlsx or .csv","base64":"the file, Base64"} or the amounts as above',
};

/** One source of the full report: an uploaded file ({name, base64}) or the figures as JSON. */
async function figuresFrom(v: unknown, field: SourceKey, locale: Locale): Promise<SourceFigures> {
  const f = v as { name?: unknown; base64?: unknown } | null;
  if (!f || typeof f !== 'object' || Array.isArray(f) || !('base64' in f)) return figuresOf(field, readSource(v, field));
  if (typeof f.name !== 'string' || !f.name.trim() || f.name.length > 200 || typeof f.base64 !== 'string') throw badField(field, FILE);
  try {
    return await readSourceFile({ name: f.name.trim(), data: new Uint8Array(Buffer.from(f.base64, 'base64')) }, locale);
  } catch (e) {
    if (e instanceof ReconcileInputError) throw badField(field, { 'zh-CN': e.message, en: e.message });
    throw e;
  }
}

export const reconcileRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/reconcile',
    handle: async (req, _res, ctx) => {
      const b = readBody(req.body);
      // With a period: the same report as `keyproj reconcile` (files or figures, names, SPEND_GAP).
      if (b.period !== undefined) {
        const period = readPeriod(ctx, String(b.period));
        const stats = await figuresFrom(b.stats, 'stats', ctx.locale);
        const ndrc = await figuresFrom(b.ndrc, 'ndrc', ctx.locale);
        return reconcileFigures(ctx.deps.store as Store, ctx.deps.config, period, { stats, ndrc }, ctx.locale);
      }
      const result = reconcile(readSource(b.stats, 'stats'), readSource(b.ndrc, 'ndrc'), ctx.deps.config);
      const store = ctx.deps.store as Store;
      const names = Object.fromEntries(result.differences.map((d) => [d.projectCode, (store.projects.get(d.projectCode) as Project | undefined)?.name ?? null]));
      return { ...result, names };
    },
  },
];

// POST /reconcile: Suqian's cross-check of two sources of monthly investment per project
// (statistics bureau vs development commission), as JSON. Files go through `keyproj reconcile`.
import { reconcile } from '../../../core/reconcile';
import type { Project } from '../../../core/types';
import type { Store } from '../../store/store';
import { badField } from '../errors';
import type { RouteDef } from '../router';
import { readBody } from '../submission';

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

export const reconcileRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/reconcile',
    handle: (req, _res, ctx) => {
      const b = readBody(req.body);
      const result = reconcile(readSource(b.stats, 'stats'), readSource(b.ndrc, 'ndrc'), ctx.deps.config);
      const store = ctx.deps.store as Store;
      const names = Object.fromEntries(result.differences.map((d) => [d.projectCode, (store.projects.get(d.projectCode) as Project | undefined)?.name ?? null]));
      return { ...result, names };
    },
  },
];

// The audit log (who changed what, when, before and after), for administrators and leaders.
import type { AuditLog } from '../../store/audit';
import { badField } from '../errors';
import type { RouteDef } from '../router';
import { queryParam } from '../scope';

export const auditRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/audit',
    handle: (req, _res, ctx) => {
      const limitText = queryParam(req, 'limit');
      const limit = limitText === undefined ? 200 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw badField('limit', { 'zh-CN': '应为 1 到 5000 之间的整数', en: 'must be an integer from 1 to 5000' });
      const audit = ctx.deps.store.audit as AuditLog;
      const entries = audit.list({ entity: queryParam(req, 'entity'), key: queryParam(req, 'key'), actor: queryParam(req, 'actor'), limit });
      return { entries };
    },
  },
];

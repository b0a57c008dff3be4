// POST /validate: the findings a submission would get, without storing anything.
import type { RouteDef } from '../router';
import { readSubmission } from '../submission';
import { findingsBody, validateSubmission } from '../validation';

export const validateRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/validate',
    handle: (req, _res, ctx) => findingsBody(validateSubmission(ctx, readSubmission(req.body, ctx.deps.limits.maxRows))),
  },
];

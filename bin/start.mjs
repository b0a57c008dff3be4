#!/usr/bin/env node
// `npm start`: the service. Sources are TypeScript, run through tsx so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');

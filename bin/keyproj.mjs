#!/usr/bin/env node
// The `keyproj` CLI. Sources are TypeScript, run through tsx so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

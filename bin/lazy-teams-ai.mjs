// Defers the parts of @microsoft/teams-ai this product never configures: its `Application` module
// requires the sign-in support (botbuilder-dialogs with the text recognizers, @azure/msal-node) and
// the AI module at load time, though they run only when `authentication` or `ai` options are given.
// They cost about 40 MB of resident memory (measured: 124 → 84 MB for Application + TeamsAdapter).
// Such a require made from inside teams-ai gets a stand-in that loads the real module the first
// time anything of it is touched, so behaviour is unchanged: configure sign-in and it loads.
// Installed by bin/start.mjs before the service is imported (an ES module's own imports are
// evaluated before its code, so the bundle cannot install it for itself).
import Module, { createRequire } from 'node:module';
import { sep } from 'node:path';

/** Requests deferred, when made by a module of teams-ai's lib folder. */
export const DEFERRED = new Set(['botbuilder-dialogs', '@azure/msal-node', './AI', './authentication/Authentication', './Authentication']);
const TEAMS_AI_LIB = `${sep}@microsoft${sep}teams-ai${sep}lib${sep}`;

/** A stand-in for a module's exports: `load()` runs on the first read of any property. */
export function lazyExports(load) {
  let real;
  const get = () => (real ??= load());
  return new Proxy(Object.create(null), {
    get: (_, key) => get()[key],
    has: (_, key) => key in get(),
    ownKeys: () => Reflect.ownKeys(get()),
    // Reported as configurable: the stand-in's own (empty) target must not contradict it.
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      return d && { ...d, configurable: true };
    },
  });
}

let installed = false;

/** Installs the deferral once; returns false when it was already installed. */
export function deferTeamsAiExtras() {
  if (installed) return false;
  installed = true;
  const load = Module._load;
  Module._load = function deferringLoad(request, parent, isMain) {
    if (DEFERRED.has(request) && parent?.filename?.includes(TEAMS_AI_LIB)) {
      return lazyExports(() => load.call(Module, request, parent, isMain));
    }
    return load.apply(this, arguments);
  };
  return true;
}

/** Whether a package's main module has been loaded in this process (for tests and diagnostics). */
export function isLoaded(fragment) {
  return Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes(fragment));
}

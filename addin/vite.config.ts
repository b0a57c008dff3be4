// Builds the task pane into addin/dist (served by the service at /addin/), with functions.json
// generated from the custom functions' JSDoc by custom-functions-metadata. Shared runtime: the
// manifest's custom functions Script and Page are the task pane itself, which registers the
// functions; so there is no separate functions.js.
import { fileURLToPath } from 'node:url';
import cfm from 'custom-functions-metadata';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const FUNCTIONS_SOURCE = here('./src/functions/functions.ts');

/** functions.json from the JSDoc of the custom functions; the build fails on metadata errors. */
export async function functionsMetadata(): Promise<string> {
  const res = await cfm.generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (res.errors.length) throw new Error(`custom functions metadata:\n${res.errors.join('\n')}`);
  return res.metadataJson;
}

function customFunctions(): Plugin {
  return {
    name: 'keyproj-custom-functions',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'functions.json', source: await functionsMetadata() });
    },
  };
}

export default defineConfig({
  root: here('./src'),
  base: '/addin/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [customFunctions()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    rollupOptions: { input: { taskpane: here('./src/taskpane.html') } },
  },
});

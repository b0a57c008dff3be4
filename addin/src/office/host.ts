// What the Excel we run in can do: requirement sets checked once at start.
export interface Capabilities {
  /** ExcelApi 1.7: the pane's minimum (tables, formats, freeze panes). */
  supported: boolean;
  /** ExcelApi 1.8: drop-down lists and input hints. */
  dataValidation: boolean;
  /** ExcelApi 1.10: workbook comments. */
  comments: boolean;
  /** ExcelApi 1.18: notes (preferred over comments: no thread, no author). */
  notes: boolean;
}

export type HostState =
  | { kind: 'outside' }
  | { kind: 'tooOld'; caps: Capabilities }
  | { kind: 'excel'; caps: Capabilities; displayLanguage?: string };

const SETS: Record<Exclude<keyof Capabilities, 'supported'> | 'supported', string> = {
  supported: '1.7', dataValidation: '1.8', comments: '1.10', notes: '1.18',
};

export function capabilities(isSetSupported: (name: string, version: string) => boolean): Capabilities {
  const out = {} as Capabilities;
  for (const [k, v] of Object.entries(SETS)) out[k as keyof Capabilities] = isSetSupported('ExcelApi', v);
  return out;
}

/** How long to wait for office.js before deciding the page was opened outside Office. */
const READY_TIMEOUT_MS = 4000;

/** Waits for office.js; outside Excel (no office.js, or a null host) says so instead of failing. */
export async function detectHost(g: { Office?: typeof Office } = globalThis as { Office?: typeof Office }): Promise<HostState> {
  const office = g.Office;
  if (!office || typeof office.onReady !== 'function') return { kind: 'outside' };
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((r) => setTimeout(() => r(null), READY_TIMEOUT_MS)),
  ]);
  if (!info || info.host !== office.HostType?.Excel) return { kind: 'outside' };
  const caps = capabilities((n, v) => office.context.requirements.isSetSupported(n, v));
  if (!caps.supported) return { kind: 'tooOld', caps };
  return { kind: 'excel', caps, displayLanguage: office.context.displayLanguage };
}

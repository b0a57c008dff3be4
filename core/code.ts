// The national project code (投资项目统一代码, GB/T 40058-2021): YYYY-AAAAAA-BB-TT-NNNNNN.
import { countyByName, provinceCode } from './config';
import type { Config } from './config';
import { isTemporaryCode } from './ledger';

export const CODE_RE = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;
export const CODE_EXAMPLE = '2024-131102-04-01-000123';
/** Years a code may carry: the codes started in the 1990s' approval systems at the earliest. */
export const CODE_YEARS = { min: 1990, max: 2100 } as const;

export interface CodeParts {
  year: number;
  division: string;
  department: string;
  type: string;
  serial: string;
}

/** The parts of a well-formed code, or undefined. */
export function parseCode(code: string): CodeParts | undefined {
  const m = CODE_RE.exec(code);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < CODE_YEARS.min || year > CODE_YEARS.max) return undefined;
  return { year, division: m[2], department: m[3], type: m[4], serial: m[5] };
}

/** A county's own division codes: the current one and its legacy codes (empty for an unknown county). */
export function countyCodes(county: string, config: Config): string[] {
  const k = countyByName(config, county);
  return k ? [k.code, ...(k.legacyCodes ?? [])] : [];
}

/** Division codes valid in a county's project codes: its own, its legacy codes, the city's, the province's. */
export function divisionCodesOf(county: string, config: Config): string[] {
  return [...countyCodes(county, config), config.city.code, provinceCode(config)];
}

export type CodeProblem = 'CODE_FORMAT' | 'CODE_REGION';

/**
 * Checks a project code against its county. Temporary ids (`TMP-…`) are valid only on the 储备
 * list: pass the row's list when known. An unknown county cannot be judged for region.
 */
export function checkCode(code: string, county: string | undefined, config: Config, list?: string): CodeProblem | null {
  const c = code.trim().toUpperCase();
  if (isTemporaryCode(c)) return list === '储备' && c.length > 4 ? null : 'CODE_FORMAT';
  const parts = parseCode(c);
  if (!parts) return 'CODE_FORMAT';
  if (!county || !countyByName(config, county)) return null;
  return divisionCodesOf(county, config).includes(parts.division) ? null : 'CODE_REGION';
}

/** What is wrong with a malformed code, for messages: the temporary id, the year or the shape. */
export function codeFormatIssue(code: string): 'temporary' | 'year' | 'shape' {
  if (isTemporaryCode(code)) return 'temporary';
  const m = CODE_RE.exec(code);
  return m ? 'year' : 'shape';
}

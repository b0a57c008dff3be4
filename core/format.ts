// Number formatting shared by reasons, cards, the task pane and bulletins.
// Amounts are stored in 万元 (SPEC §1); these helpers only change how they are shown.
import type { Locale } from './types';

/** 1 亿元 = 10,000 万元. */
export const WAN_PER_YI = 10_000;

const fixedFormats = new Map<number, Intl.NumberFormat>();
function fixed(digits: number): Intl.NumberFormat {
  let f = fixedFormats.get(digits);
  if (!f) {
    // en-US grouping (1,234.56) is what Chinese government tables use too.
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
    fixedFormats.set(digits, f);
  }
  return f;
}

/** Shown instead of a number that is missing or not finite (never a silent 0). */
export const NO_NUMBER = '—';

/** Intl's result, without the sign of values that round to zero (Intl prints "-0.00"). */
function viaIntl(n: number, digits: number): string {
  const s = fixed(digits).format(n);
  return s.charCodeAt(0) === 45 && /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** `12345` → `12,345`. */
function group(int: string): string {
  if (int.length <= 3) return int;
  let i = int.length % 3 || 3;
  let out = int.slice(0, i);
  for (; i < int.length; i += 3) out += ',' + int.slice(i, i + 3);
  return out;
}

/**
 * The same text as Intl.NumberFormat('en-US', fixed digits) without its cost (about 1 µs a call;
 * every reason of every project prints several numbers). Like ICU, it rounds the shortest decimal
 * form of the number (what String(n) prints) half away from zero: 1.005 → 1.01.
 */
function viaString(n: number, digits: number): string | undefined {
  const s = String(n < 0 ? -n : n);
  if (s.includes('e')) return undefined;
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > digits) {
    const up = frac.charCodeAt(digits) >= 53; // '5'
    frac = frac.slice(0, digits);
    if (up) {
      // Add one unit in the last kept place, carrying through the fraction into the integer.
      const digitsAll = (int + frac).split('');
      let i = digitsAll.length - 1;
      for (; i >= 0; i--) {
        if (digitsAll[i] === '9') digitsAll[i] = '0';
        else { digitsAll[i] = String.fromCharCode(digitsAll[i].charCodeAt(0) + 1); break; }
      }
      const joined = (i < 0 ? '1' : '') + digitsAll.join('');
      int = joined.slice(0, joined.length - digits);
      frac = joined.slice(joined.length - digits);
    }
  } else if (frac.length < digits) {
    frac = frac.padEnd(digits, '0');
  }
  // A negative that rounds to zero prints without its sign.
  const sign = n < 0 && !(/^0*$/.test(int) && /^0*$/.test(frac)) ? '-' : '';
  return sign + group(int) + (digits > 0 ? '.' + frac : '');
}

const POW10 = [1, 10, 100, 1000];

/**
 * The common case in integer arithmetic: |n| × 10^digits is not near a rounding tie, so rounding
 * the number itself and rounding its shortest decimal form agree. Near a tie (1.005 → 100.4999…)
 * or for large numbers it answers undefined and viaString decides.
 */
function viaIntegers(n: number, digits: number): string | undefined {
  if (digits >= POW10.length) return undefined;
  const scale = POW10[digits];
  const x = (n < 0 ? -n : n) * scale;
  if (!(x < 1e15)) return undefined;
  const f = x - Math.floor(x);
  // The float error of x is below x × 3e-16: a margin far above it.
  if (Math.abs(f - 0.5) <= x * 1e-12 + 1e-12) return undefined;
  const k = Math.round(x);
  const int = Math.floor(k / scale);
  let out = group(String(int));
  if (digits > 0) out += '.' + String(k - int * scale).padStart(digits, '0');
  return n < 0 && k > 0 ? '-' + out : out;
}

/** `1234.5` → `1,234.50`; negative zero prints as `0.00`; non-finite → `—`. */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return NO_NUMBER;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) return viaIntl(n, digits);
  return viaIntegers(n, digits) ?? viaString(n, digits) ?? viaIntl(n, digits);
}

const UNIT: Record<Locale, { wan: string; yi: string }> = {
  'zh-CN': { wan: ' 万元', yi: ' 亿元' },
  en: { wan: ' (10k yuan)', yi: ' (100m yuan)' },
};

/** An amount in 万元 with thousands separators and 2 decimals: `3,000.00 万元` / `3,000.00 (10k yuan)`. */
export function formatAmount(wan: number | null | undefined, locale: Locale = 'zh-CN'): string {
  const s = formatNumber(wan);
  return s === NO_NUMBER ? s : s + UNIT[locale].wan;
}

/** An amount given in 万元, shown in 亿元 with 2 decimals: 12000 → `1.20 亿元` / `1.20 (100m yuan)`. */
export function formatYi(wan: number | null | undefined, locale: Locale = 'zh-CN'): string {
  const s = formatNumber(typeof wan === 'number' ? wan / WAN_PER_YI : wan);
  return s === NO_NUMBER ? s : s + UNIT[locale].yi;
}

/** 亿元 from 1 亿 upwards (as bulletins write large sums), 万元 below. */
export function formatMoney(wan: number | null | undefined, locale: Locale = 'zh-CN'): string {
  return typeof wan === 'number' && Math.abs(wan) >= WAN_PER_YI ? formatYi(wan, locale) : formatAmount(wan, locale);
}

/** A fraction as a percentage: 0.25 → `25.0%`. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  const s = formatNumber(typeof fraction === 'number' ? fraction * 100 : fraction, digits);
  return s === NO_NUMBER ? s : s + '%';
}

const POINTS: Record<Locale, string> = { 'zh-CN': ' 个百分点', en: ' points' };

/** Percentage points (a difference of two rates, already ×100): 45 → `45.0 个百分点` / `45.0 points`. */
export function formatPoints(points: number | null | undefined, digits = 1, locale: Locale = 'zh-CN'): string {
  const s = formatNumber(points, digits);
  return s === NO_NUMBER ? s : s + POINTS[locale];
}

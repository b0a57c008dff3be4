// API errors: thrown anywhere in a handler, rendered once by the error middleware as
// {"error":{"code","message"}} in the caller's locale.
import { tr, type Text } from '../../core/i18n';
import type { Locale } from '../../core/types';
import { MESSAGES, type MessageCode } from './messages';

/** A parameter is plain text, or itself a {zh-CN, en} text chosen by the caller's locale. */
export type Params = Record<string, string | number | Text | undefined>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Params = {},
    /** Extra fields merged into the response body (e.g. findings on 422). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }

  text(locale: Locale): string {
    const p = Object.fromEntries(
      Object.entries(this.params).map(([k, v]) => [k, v !== null && typeof v === 'object' ? tr(locale, v) : v]),
    );
    return tr(locale, MESSAGES[this.code], p);
  }

  body(locale: Locale): Record<string, unknown> {
    return { error: { code: this.code, message: this.text(locale) }, ...this.extra };
  }
}

export const badField = (field: string, expected: Text) => new HttpError(400, 'bad_field', { field, expected });

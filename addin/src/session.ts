// What the pane knows between actions: configuration, locale, month, host capabilities, the
// signed-in user and what the last load brought (version for 409 detection, last month's figures).
import type { Config } from '../../core/config';
import type { Finding, Locale, MonthlyReport, Period } from '../../core/types';
import type { ApiClient, Me } from './api';
import type { TextKey } from './i18n';
import type { Capabilities } from './office/host';

export interface Session {
  config: Config;
  locale: Locale;
  period: Period;
  caps: Capabilities;
  api?: ApiClient;
  me?: Me;
  /** Set by load: the county, month and version the sheet was loaded from. */
  loaded?: { county: string; period: Period; version: number | string | null };
  /** Project code → earlier reports, for the offline checks that compare with last month. */
  history: Map<string, MonthlyReport[]>;
  /** Most rows one submission may carry (server's limit). */
  maxRows?: number;
}

/** Reports a phase; the pane returns a promise that resolves once the bar could repaint. */
export type Progress = (phase: TextKey, fraction: number) => void | Promise<void>;

export type Level = 'ok' | 'warn' | 'error';

/** A finding with the address of its cell in the workbook, when it has one. */
export interface FindingView extends Finding {
  address?: string;
}

export interface ActionResult {
  level: Level;
  message: string;
  findings?: FindingView[];
  /** Project name of each row number, for the findings list's headings. */
  names?: Map<number, string>;
}

// What the bot reads from the store, and which month it answers for. Figures are always
// computed by core (scoreAll, rankCounties …) from the store's project states.
import type { Logger } from 'pino';
import type { Config } from '../../core/config';
import type { Locale, Period, ProjectScore, ProjectState } from '../../core/types';
import { prevPeriod, reportingPeriod } from '../../core/periods';
import { scoreAll } from '../../core/score';
import type { Store } from '../../server/store/store';
import { Subscriptions } from '../../server/store/subscriptions';
import { Users } from '../../server/store/users';
import { NameCache, type NameEntry, type NameIndex } from '../names';

export interface BotDeps {
  store: Store;
  config: Config;
  logger: Logger;
  env: Record<string, string | undefined>;
  /** Defaults to repositories on the store's database. */
  users?: Pick<Users, 'findByAadObjectId'>;
  subscriptions?: Pick<Subscriptions, 'saveReference' | 'subscribe' | 'unsubscribe' | 'get'>;
  /** The clock (tests pin it). */
  now?: () => Date;
}

export class BotData {
  readonly store: Store;
  readonly config: Config;
  readonly users: Pick<Users, 'findByAadObjectId'>;
  readonly subscriptions: Pick<Subscriptions, 'saveReference' | 'subscribe' | 'unsubscribe' | 'get'>;
  readonly now: () => Date;
  private readonly names: NameCache;

  constructor(deps: BotDeps) {
    this.store = deps.store;
    this.config = deps.config;
    this.users = deps.users ?? new Users(deps.store.db);
    this.subscriptions = deps.subscriptions ?? new Subscriptions(deps.store.db);
    this.now = deps.now ?? (() => new Date());
    this.names = new NameCache([...deps.config.counties.map((c) => c.name), deps.config.city.name]);
  }

  /** The month staff are reporting now (its reports are due on the deadline day of the next month). */
  reportingPeriod(): Period {
    return reportingPeriod(this.now(), this.config.deadlineDay, this.config.timezone);
  }

  /**
   * The month answers are about: the last month whose reporting deadline has passed (its
   * reports are complete), or, when it has no reports, the latest month that has some.
   */
  dataPeriod(states = this.store.projectStates(this.reportingPeriod())): Period {
    const rp = this.reportingPeriod();
    const closed = prevPeriod(rp);
    let latestClosed = '';
    let latest = '';
    for (const s of states) {
      for (const r of s.reports) {
        if (r.period <= closed && r.period > latestClosed) latestClosed = r.period;
        if (r.period <= rp && r.period > latest) latest = r.period;
      }
    }
    return latestClosed || latest || closed;
  }

  /** Project states of the data month (of one county, or all). */
  states(county?: string): { period: Period; states: ProjectState[] } {
    const all = this.store.projectStates(this.reportingPeriod(), county);
    const period = this.dataPeriod(county === undefined ? all : undefined);
    return { period, states: all.map((s) => ({ project: s.project, reports: s.reports.filter((r) => r.period <= period) })) };
  }

  scores(states: ProjectState[], period: Period, locale: Locale): ProjectScore[] {
    return scoreAll(states, period, this.config, locale);
  }

  /** The name index of all projects, rebuilt only when projects change. */
  nameIndex(): NameIndex {
    const entries: NameEntry[] = this.store.projects.list().map((p) => ({ code: p.code, name: p.name, county: p.county }));
    return this.names.get(entries);
  }
}

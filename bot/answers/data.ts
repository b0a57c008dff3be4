// What the bot reads from the store, and which month it answers for. Figures are always
// computed by core (scoreAll, rankCounties …) from the store's project states.
import type { ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../../core/config';
import type { Locale, Period, Project, ProjectScore, ProjectState } from '../../core/types';
import { prevPeriod, reportingPeriod, toPeriod, yearOf } from '../../core/periods';
import { scoreAll } from '../../core/score';
import type { Store } from '../../server/store/store';
import { Subscriptions } from '../../server/store/subscriptions';
import { Users } from '../../server/store/users';
import { NameIndex, type NameEntry } from '../names';
import { changeStamp, sameStamp, type Stamp } from '../../server/store/statements';

export interface BotDeps {
  store: Store;
  config: Config;
  logger: Logger;
  env: Record<string, string | undefined>;
  /** Defaults to repositories on the store's database. */
  users?: Pick<Users, 'findByAadObjectId'>;
  subscriptions?: Pick<Subscriptions, 'saveReference' | 'subscribe' | 'unsubscribe' | 'get' | 'active'>;
  /** The clock (tests pin it). */
  now?: () => Date;
}

export type Deliver = (ref: Partial<ConversationReference>, text: string) => Promise<void>;

export class BotData {
  readonly store: Store;
  readonly config: Config;
  readonly users: Pick<Users, 'findByAadObjectId'>;
  readonly subscriptions: Pick<Subscriptions, 'saveReference' | 'subscribe' | 'unsubscribe' | 'get' | 'active'>;
  readonly logger: Logger;
  /** Posts a plain-text message into another conversation (createBot wires the adapter); throws when it fails. */
  deliver: Deliver = async () => {
    throw new Error('no adapter to deliver with');
  };
  readonly now: () => Date;
  /** County and city names: a name's place is not evidence of which project. */
  private readonly places: string[];
  private index: NameIndex | undefined;
  private indexRevision = -1;
  /** The database's stamp when the index's revision was last checked, and the last data month found. */
  private indexStamp: Stamp | undefined;
  private periodKept: { rp: Period; stamp: Stamp; period: Period } | undefined;

  constructor(deps: BotDeps) {
    this.store = deps.store;
    this.config = deps.config;
    this.users = deps.users ?? new Users(deps.store.db);
    this.subscriptions = deps.subscriptions ?? new Subscriptions(deps.store.db);
    this.now = deps.now ?? (() => new Date());
    this.logger = deps.logger;
    this.places = [...deps.config.counties.map((c) => c.name), deps.config.city.name];
  }

  /** The month staff are reporting now (its reports are due on the deadline day of the next month). */
  reportingPeriod(): Period {
    return reportingPeriod(this.now(), this.config.deadlineDay, this.config.timezone);
  }

  /**
   * The month answers are about: the last month whose reporting deadline has passed (its
   * reports are complete), or, when it has no reports, the latest month that has some.
   */
  dataPeriod(states?: ProjectState[]): Period {
    const rp = this.reportingPeriod();
    const closed = prevPeriod(rp);
    if (!states) {
      // The same months as projectStates(rp) would hold, asked of the period index instead of
      // loading every project of the province.
      // Asked on every question; kept while the database has not changed.
      const stamp = changeStamp(this.store.db);
      const kept = this.periodKept;
      if (kept && kept.rp === rp && sameStamp(kept.stamp, stamp)) return kept.period;
      const jan = toPeriod(yearOf(rp), 1);
      const period = this.store.latestReportPeriod(jan, closed) ?? this.store.latestReportPeriod(jan, rp) ?? closed;
      this.periodKept = { rp, stamp, period };
      return period;
    }
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

  /** One project's state for the data month: what states(county) holds for it, without loading the county. */
  stateOf(project: Project): { period: Period; state: ProjectState } {
    const rp = this.reportingPeriod();
    const period = this.dataPeriod();
    const reports = this.store.reports.monthlyBetween({ codes: [project.code] }, toPeriod(yearOf(rp), 1), period < rp ? period : rp);
    return { period, state: { project, reports } };
  }

  /** The name index of all projects, rebuilt only when projects change (the store's project revision moves). */
  nameIndex(): NameIndex {
    const stamp = changeStamp(this.store.db);
    if (this.index && sameStamp(this.indexStamp, stamp)) return this.index;
    const revision = this.store.projectRevision();
    this.indexStamp = stamp;
    if (this.index && revision === this.indexRevision) return this.index;
    // The three columns the index needs, in projects.list() order, not 20,000 whole projects.
    const entries = this.store.db.prepare('SELECT code, name, county FROM projects ORDER BY county, code').all() as NameEntry[];
    this.index = new NameIndex(entries, this.places);
    this.indexRevision = revision;
    return this.index;
  }
}

// `keyproj rank --period YYYY-MM [--json]` — the county ranking with Hengshui's escalations and
// Handan's commendations / talks; --json prints the SPEC §6 ranking shape plus `commendations`.
import { tr, type Text } from '../../../core/i18n';
import { formatNumber } from '../../../core/format';
import { INDICATORS } from '../../../core/types';
import type { Escalation } from '../../../core/types';
import { INDICATOR_NAMES, indicatorValue } from '../../../core/indicators';
import { rankingReport } from '../../http/routes/ranking';
import { context, openStore, parse, periodArg, printJson, processIo, table, type CliIo } from '../args';

export const USAGE: Text = {
  'zh-CN': '用法：keyproj rank --period YYYY-MM [--db 数据库文件] [--json] [--locale zh-CN|en]\n县市区月度排名（完成投资、投资完成率、新开工、开工率、竣工、竣工率及综合得分），以及约谈和表彰名单。',
  en: 'Usage: keyproj rank --period YYYY-MM [--db FILE] [--json] [--locale zh-CN|en]\nMonthly county ranking (investment, rates, starts, completions, composite score), escalations and commendations.',
};

const M = {
  head: { 'zh-CN': '{period} 县市区排名', en: 'County ranking, {period}' },
  rank: { 'zh-CN': '名次', en: 'Rank' },
  county: { 'zh-CN': '县市区', en: 'County' },
  score: { 'zh-CN': '综合得分', en: 'Score' },
  escalations: { 'zh-CN': '约谈（衡水规则）：', en: 'Escalations (Hengshui rule):' },
  level: { 'zh-CN': '{county}：{where}说明 — {indicators}连续 {months} 个月末位', en: '{county}: explain at the {where} — last on {indicators} for {months} months' },
  level1: { 'zh-CN': '市政府常务会议上', en: "city government's executive meeting" },
  level2: { 'zh-CN': '市委常委会上', en: 'party standing committee' },
  noEscalation: { 'zh-CN': '约谈：无', en: 'Escalations: none' },
  commended: { 'zh-CN': '表彰（前 {n} 名）：{list}', en: 'Commended (top {n}): {list}' },
  talks: { 'zh-CN': '约谈提醒（后 {n} 名）：{list}', en: 'Called in for talks (bottom {n}): {list}' },
} satisfies Record<string, Text>;

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, locale } = parse(argv, { period: { type: 'string' } }, USAGE, io);
  const period = periodArg(values.period, USAGE, io, locale);
  const ctx = context(values, io);
  const store = openStore(ctx, io, true);
  try {
    const r = rankingReport(store, period, ctx.config);
    if (values.json) {
      printJson(io, {
        period,
        counties: r.counties.map((c) => ({ county: c.county, rank: c.rank, score: c.score, indicators: c.indicators })),
        escalations: r.escalations.map((e: Escalation) => ({ county: e.county, level: e.level, indicators: e.indicators, months: e.months })),
        commendations: { commended: r.commended, talks: r.talks },
      });
      return 0;
    }
    const L = ctx.locale;
    io.out(tr(L, M.head, { period }));
    io.out('');
    io.out(table([
      [tr(L, M.rank), tr(L, M.county), tr(L, M.score), ...INDICATORS.map((k) => tr(L, INDICATOR_NAMES[k]))],
      ...r.counties.map((c) => [String(c.rank), c.county, formatNumber(c.score, 1),
        ...INDICATORS.map((k) => `${indicatorValue(k, c.indicators[k], L)} (${c.ranks?.[k] ?? '—'})`)]),
    ]));
    io.out('');
    if (r.escalations.length) {
      io.out(tr(L, M.escalations));
      for (const e of r.escalations) {
        io.out('  ' + tr(L, M.level, {
          county: e.county, where: tr(L, e.level === 2 ? M.level2 : M.level1), months: e.months,
          indicators: e.indicators.map((k) => tr(L, INDICATOR_NAMES[k])).join(L === 'en' ? ', ' : '、'),
        }));
      }
    } else io.out(tr(L, M.noEscalation));
    io.out(tr(L, M.commended, { n: ctx.config.ranking.commendTop, list: r.commended.join('、') || '—' }));
    io.out(tr(L, M.talks, { n: ctx.config.ranking.talkBottom, list: r.talks.join('、') || '—' }));
    return 0;
  } finally {
    store.close();
  }
}

// Understanding questions without an LLM: one table of intents, each with Chinese and English
// patterns. Traditional input is converted to Simplified first. Project names are not matched
// here (that needs the data): whatever no pattern claims becomes a `project` question.
import type { Config, CountyDef } from '../core/config';
import type { Colour } from '../core/types';
import { toSimplified } from '../core/parse';

export type Intent =
  | { kind: 'help' }
  | { kind: 'subscribe'; target: string }
  | { kind: 'unsubscribe' }
  | { kind: 'settings' }
  | { kind: 'overview' }
  | { kind: 'colour'; colour: Exclude<Colour, 'none'>; county?: string }
  | { kind: 'mine' }
  | { kind: 'leader'; leader: string }
  | { kind: 'missing'; county?: string }
  | { kind: 'problems'; overdue: boolean; county?: string }
  | { kind: 'county'; county: string }
  | { kind: 'project' };

export interface Understood {
  intent: Intent;
  /** The question in Simplified Chinese, trimmed. */
  text: string;
  /** The user wrote English (matched an English pattern, no Chinese characters). */
  english: boolean;
  /** The user wrote Chinese characters. */
  chinese: boolean;
}

type Kind = Intent['kind'];
interface Row {
  kind: Kind;
  zh: RegExp[];
  en: RegExp[];
  /** Builds the intent from the match; county is the county named in the text, if any. */
  build?: (m: RegExpMatchArray, county: string | undefined, text: string) => Intent | null;
}

const COLOURS: Record<string, Exclude<Colour, 'none'>> = { 红: 'red', 黄: 'yellow', 绿: 'green', 白: 'white', red: 'red', yellow: 'yellow', green: 'green', white: 'white' };
const ASKING = /^(请|麻烦)?(帮我)?(查询|查一下|查查|查|看看|看一下|显示|列出)?/;

// Order matters: the first row whose pattern matches wins.
const TABLE: Row[] = [
  { kind: 'help', zh: [/^(帮助|菜单|使用说明|怎么用|你能做什么|你会什么|[?？])$/], en: [/^(help|menu|\/help|what can you do\??)$/i] },
  { kind: 'unsubscribe', zh: [/^(取消订阅|退订)(提醒)?$/], en: [/^unsubscribe$/i] },
  { kind: 'settings', zh: [/^(提醒设置|订阅设置|订阅情况)$/], en: [/^(reminder )?settings$/i] },
  {
    kind: 'subscribe',
    zh: [/^订阅(?:提醒)?\s*(.*)$/],
    en: [/^subscribe\s*(.*)$/i],
    build: (m) => ({ kind: 'subscribe', target: (m[1] ?? '').trim() }),
  },
  {
    kind: 'missing',
    zh: [/没报|未报|漏报|没有报|未填报|没填|未上报|没上报|缺报|未提交|没提交/],
    en: [/\bmissing\b|not (yet )?(been )?reported|unreported|\blate reports?\b/i],
    build: (_m, county) => ({ kind: 'missing', county }),
  },
  {
    kind: 'mine',
    zh: [/我(包联|负责|分包|联系)的/, /^我的项目/],
    en: [/\bmy projects?\b/i],
  },
  {
    kind: 'leader',
    zh: [/^(.+?)(?:同志|领导)?(?:包联|负责|分包)的?项目/, /^(\p{Script=Han}{2,4}?)(?:同志|领导)?的项目$/u],
    en: [/projects? (?:of|led by|under) (.+?)\??$/i],
    // 「桃城区的项目」 names a county, not a leader: let the county row have it.
    build: (m, county) => {
      const leader = m[1].replace(ASKING, '').trim();
      return leader && !(county && leader.includes(county.replace(/[区县市]$/, ''))) && leader !== '全市' ? { kind: 'leader', leader } : null;
    },
  },
  {
    kind: 'colour',
    zh: [/(红|黄|绿|白)(?:色|灯|牌)/],
    en: [/\b(red|yellow|green|white)\b/i],
    build: (m, county) => ({ kind: 'colour', colour: COLOURS[m[1].toLowerCase()], county }),
  },
  {
    kind: 'problems',
    zh: [/问题|逾期|超期|销号/],
    en: [/\b(problems?|issues?|overdue)\b/i],
    build: (_m, county, text) => ({ kind: 'problems', overdue: /逾期|超期|overdue/i.test(text), county }),
  },
  {
    kind: 'county',
    zh: [/./],
    en: [/./],
    build: (_m, county) => (county ? { kind: 'county', county } : null),
  },
  { kind: 'overview', zh: [/全市|总体|整体|总览|概况|排名|排行|通报/], en: [/overview|whole city|city summary|ranking/i] },
];

const HAN = /\p{Script=Han}/u;

/** The county a text names: full name, name without 区/县/市, or English name. */
export function findCounty(text: string, config: Config): CountyDef | undefined {
  const t = toSimplified(text);
  const lower = t.toLowerCase();
  for (const c of config.counties) if (t.includes(c.name)) return c;
  for (const c of config.counties) {
    const short = c.name.replace(/[区县市]$/, '');
    if (short.length >= 2 && short !== c.name && t.includes(short)) return c;
  }
  for (const c of config.counties) if (c.nameEn && lower.includes(c.nameEn.toLowerCase())) return c;
  return undefined;
}

/** Longer questions are cut here: no question needs more, and matching cost grows with length. */
export const MAX_QUESTION = 200;

export function understand(raw: string, config: Config): Understood {
  const text = toSimplified(String(raw ?? '').slice(0, MAX_QUESTION * 2)).replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION);
  const county = findCounty(text, config)?.name;
  const noHan = !HAN.test(text);
  for (const row of TABLE) {
    for (const lang of ['zh', 'en'] as const) {
      for (const re of row[lang]) {
        const m = text.match(re);
        if (!m) continue;
        const intent = row.build ? row.build(m, county, text) : ({ kind: row.kind } as Intent);
        if (!intent) continue;
        const english = noHan && /[a-z]{2,}/i.test(text) && (lang === 'en' || /\s/.test(text));
        return { intent, text, english, chinese: !noHan };
      }
    }
  }
  return { intent: { kind: 'project' }, text, english: noHan && /[a-z]{2,}\s+[a-z]{2,}/i.test(text), chinese: !noHan };
}

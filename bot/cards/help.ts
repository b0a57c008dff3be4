// The help card and the welcome card (on install): what to ask, with buttons that ask it.
import type { Locale } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { adaptive, block, md, type Card, type Json } from './common';

const EXAMPLES: Record<Locale, string[]> = {
  'zh-CN': ['衡水湖生态修复工程进展怎么样', '桃城区本月排名', '哪些项目是红色的', '我包联的项目', '本月还有哪些没报', '问题清单', '逾期问题', '全市总体情况', '订阅提醒 桃城区', '提醒设置', '取消订阅'],
  en: ['How is 衡水湖生态修复工程 going', 'Taocheng ranking', 'red projects', 'my projects', 'missing reports', 'problems', 'overdue problems', 'overview', 'subscribe Taocheng', 'settings', 'unsubscribe'],
};

const L = {
  helpTitle: { 'zh-CN': '我能回答这些问题', en: 'What you can ask me' },
  helpIntro: {
    'zh-CN': '直接输入项目名称（可以只写一部分、用繁体或拼音首字母，如 hshstxf），或者像下面这样提问：',
    en: 'Type a project name (part of it, Traditional Chinese or pinyin initials such as hshstxf all work), or ask like this:',
  },
  welcomeTitle: { 'zh-CN': '您好，我是重点项目台账助手', en: 'Hello, I am the Key Project Ledger assistant' },
  welcomeIntro: {
    'zh-CN': '我可以告诉您重点项目的进展、四色评价和原因、县市区排名、未报项目和问题清单，还可以每周一提醒本群缺报、红黄项目和逾期问题。',
    en: 'I tell you how key projects stand (four colours and why), county rankings, missing reports and problems, and can remind this chat every Monday.',
  },
  try: { 'zh-CN': '试试：', en: 'Try:' },
  cardsNote: {
    'zh-CN': '项目卡片上的按钮可以查看问题和历史；管理员和领导可以催报；在项目的问题卡片上，管理员、领导和本县市区填报员可以登记新问题、更新问题状态（待解决 → 解决中 → 已解决 → 已销号）。',
    en: 'Buttons on a project card show its problems and history; administrators and leaders can nudge a county. On a project\'s problem card, administrators, leaders and the county\'s staff can record problems and move them along (open → in progress → resolved → closed out).',
  },
} satisfies Record<string, Text>;

/** A button that sends its text as if the user typed it (Teams imBack). */
function ask(text: string): Json {
  return { type: 'Action.Submit', title: text, data: { msteams: { type: 'imBack', value: text } } };
}

function examples(locale: Locale): string[] {
  return EXAMPLES[locale];
}

export function helpCard(locale: Locale): Card {
  const ex = examples(locale);
  const note = tr(locale, L.cardsNote);
  const body = [
    block(tr(locale, L.helpTitle), { size: 'Medium', weight: 'Bolder' }),
    block(md(tr(locale, L.helpIntro))),
    ...ex.map((e) => block(`• ${md(e)}`, { spacing: 'None' })),
    block(md(note), { isSubtle: true, spacing: 'Medium' }),
  ];
  return adaptive(body, ex.slice(0, 4).map(ask), [tr(locale, L.helpTitle), tr(locale, L.helpIntro), ...ex.map((e) => `• ${e}`), note].join('\n'));
}

export function welcomeCard(locale: Locale): Card {
  const ex = examples(locale).slice(0, 5);
  const body = [
    block(tr(locale, L.welcomeTitle), { size: 'Medium', weight: 'Bolder' }),
    block(md(tr(locale, L.welcomeIntro))),
    block(tr(locale, L.try), { weight: 'Bolder' }),
    ...ex.map((e) => block(`• ${md(e)}`, { spacing: 'None' })),
  ];
  return adaptive(body, ex.slice(0, 3).map(ask), [tr(locale, L.welcomeTitle), tr(locale, L.welcomeIntro), tr(locale, L.try), ...ex.map((e) => `• ${e}`)].join('\n'));
}

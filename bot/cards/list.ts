// A list of projects that pages when long: each row opens the project; "下一页" asks for the next page.
import type { Colour, Locale } from '../../core/types';
import { tr, type Text } from '../../core/i18n';
import { adaptive, block, colourLabel, md, submit, type Card, type Json } from './common';

export interface ListItem {
  code: string;
  name: string;
  county: string;
  /** Shown as a coloured dot and label; absent for lists that are not about colour. */
  colour?: Colour;
  /** A short second line (reason, missing month …). */
  detail?: string;
}

export interface ListView {
  title: string;
  items: ListItem[];
  /** 0-based page. */
  page: number;
  pageSize?: number;
  /** Data for the "next page" submit (the query to repeat); page is added. */
  more: Json;
}

const L = {
  count: { 'zh-CN': '共 {n} 个，第 {from}–{to} 个', en: '{n} in all, {from}–{to} shown' },
  next: { 'zh-CN': '下一页', en: 'Next page' },
  prev: { 'zh-CN': '上一页', en: 'Previous page' },
  empty: { 'zh-CN': '没有符合条件的项目。', en: 'No projects match.' },
} satisfies Record<string, Text>;

export const PAGE_SIZE = 10;

export function listCard(v: ListView, locale: Locale): Card {
  const size = v.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(v.items.length / size));
  const page = Math.min(Math.max(0, v.page), pages - 1);
  const shown = v.items.slice(page * size, page * size + size);
  const count = v.items.length
    ? tr(locale, L.count, { n: v.items.length, from: page * size + 1, to: page * size + shown.length })
    : tr(locale, L.empty);
  const body: Json[] = [block(md(v.title), { size: 'Medium', weight: 'Bolder' }), block(md(count), { isSubtle: true, spacing: 'None' })];
  for (const it of shown) {
    body.push({
      type: 'Container',
      separator: true,
      selectAction: submit(it.name, { verb: 'project', code: it.code }),
      items: [
        block(`${it.colour ? md(colourLabel(it.colour, locale)) + ' ' : ''}**${md(it.name)}** — ${md(it.county)}`),
        ...(it.detail ? [block(md(it.detail), { isSubtle: true, spacing: 'None', size: 'Small' })] : []),
      ],
    });
  }
  const actions: Json[] = [];
  if (page > 0) actions.push(submit(tr(locale, L.prev), { ...v.more, verb: 'page', page: page - 1 }));
  if (page < pages - 1) actions.push(submit(tr(locale, L.next), { ...v.more, verb: 'page', page: page + 1 }));
  const text = [v.title, count, ...shown.map((it) => `${it.colour ? colourLabel(it.colour, locale) + ' ' : ''}${it.name}（${it.county}）${it.detail ? ' — ' + it.detail : ''}`)].join('\n');
  return adaptive(body, actions, text);
}

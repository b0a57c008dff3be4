// Several projects match: one button per project, each asking for that exact project.
import type { Locale } from '../../core/types';
import { tr } from '../../core/i18n';
import { M } from '../messages';
import { adaptive, block, md, submit, type Card } from './common';

export interface ChoiceOption {
  code: string;
  name: string;
  county: string;
}

/** Buttons are capped so the card stays usable; the question says how many matched. */
export function choiceCard(query: string, options: ChoiceOption[], locale: Locale, max = 8): Card {
  const head = tr(locale, M.choose, { n: options.length, q: query });
  const shown = options.slice(0, max);
  const actions = shown.map((o) => submit(`${o.name}（${o.county}）`, { verb: 'project', code: o.code }));
  const body = [block(md(head), { weight: 'Bolder' }), ...shown.map((o) => block(`• ${md(o.name)} — ${md(o.county)}`, { spacing: 'Small' }))];
  return adaptive(body, actions, [head, ...shown.map((o, i) => `${i + 1}. ${o.name}（${o.county}）`)].join('\n'));
}

/** No match: the closest names, each a button. */
export function closestCard(query: string, options: ChoiceOption[], locale: Locale): Card {
  const head = tr(locale, M.didYouMean, { q: query });
  const actions = options.map((o) => submit(o.name, { verb: 'project', code: o.code }));
  const body = [block(md(head), { weight: 'Bolder' }), ...options.map((o) => block(`• ${md(o.name)} — ${md(o.county)}`, { spacing: 'Small' }))];
  return adaptive(body, actions, [head, ...options.map((o, i) => `${i + 1}. ${o.name}（${o.county}）`)].join('\n'));
}

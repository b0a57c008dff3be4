// The findings list: grouped by row (whole-ledger findings first), errors before warnings;
// a click on a finding with a cell selects that cell in Excel.
import type { Locale } from '../../../core/types';
import { t } from '../i18n';
import type { FindingView } from '../session';
import { el } from './dom';

/** A pane lists this many at most; the cells carry every mark. */
export const MAX_LISTED = 500;

export function renderFindings(
  root: HTMLElement, findings: FindingView[], locale: Locale, names: Map<number, string>, onSelect: (address: string) => void,
): void {
  root.replaceChildren();
  if (!findings.length) return;
  root.append(el('h2', {}, t(locale, 'findingsTitle')));
  if (findings.length > MAX_LISTED) root.append(el('p', { class: 'more' }, t(locale, 'moreFindings', { n: findings.length, shown: MAX_LISTED })));
  const groups = new Map<number, FindingView[]>();
  for (const f of findings.slice(0, MAX_LISTED)) {
    const g = groups.get(f.row) ?? [];
    g.push(f);
    groups.set(f.row, g);
  }
  for (const row of [...groups.keys()].sort((a, b) => a - b)) {
    const list = groups.get(row)!.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const name = names.get(row);
    const title = row > 0 ? `${t(locale, 'rowLabel', { row })}${name ? ` · ${name}` : ''}` : t(locale, 'wholeSheet');
    const items = list.map((f) => {
      const badge = el('span', { class: `badge ${f.severity}` }, t(locale, f.severity));
      const text = el('span', { class: 'message' }, f.message);
      const li = el('li', { class: `finding ${f.severity}`, 'data-rule': f.rule }, undefined, [badge, text]);
      if (f.address) {
        li.setAttribute('data-address', f.address);
        li.tabIndex = 0;
        li.setAttribute('role', 'button');
        const go = () => onSelect(f.address!);
        li.addEventListener('click', go);
        li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
      }
      return li;
    });
    root.append(el('section', { class: 'row-group', 'data-row': String(row) }, undefined, [el('h3', {}, title), el('ul', {}, undefined, items)]));
  }
}

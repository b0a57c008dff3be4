// Message extension: search projects by name from the compose box; each result is the
// project card, previewed as a thumbnail card with the name, colour and county.
import type { MessagingExtensionResult } from 'botbuilder';
import { tr } from '../core/i18n';
import { scoreProject } from '../core/score';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from './commands';
import { colourLabel } from './cards/common';
import { M } from './messages';
import { canSee } from './answers/caller';
import { projectAnswer } from './answers/project';
import type { Ask } from './answers/reply';

export { SEARCH_COMMAND_ID, SEARCH_PARAMETER };

export const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

export function searchResult(a: Ask, query: string, count = 10): MessagingExtensionResult {
  const index = a.data.nameIndex();
  const q = query.trim();
  const all = a.data.store.projects.list(a.caller.county ? { county: a.caller.county } : {});
  const codes = q
    ? index.match(q).filter((m) => canSee(a.caller, m.entry.county)).map((m) => m.entry.code)
    : all.map((p) => p.code);
  const loaded = a.data.states(a.caller.county ?? undefined);
  const { period, states } = loaded;
  const byCode = new Map(states.map((s) => [s.project.code, s]));
  const attachments = codes.slice(0, count).flatMap((code) => {
    const state = byCode.get(code);
    const reply = projectAnswer(a, code, loaded)[0];
    if (!state || !('card' in reply)) return [];
    const score = scoreProject(state, period, a.data.config, a.locale);
    return [
      {
        contentType: ADAPTIVE,
        content: reply.card.card,
        preview: { contentType: THUMBNAIL, content: { title: state.project.name, subtitle: state.project.county, text: `${colourLabel(score.colour, a.locale)} · ${score.reason}` } },
      },
    ];
  });
  if (!attachments.length && q) return { type: 'message', text: tr(a.locale, M.didYouMean, { q }).replace(/[:：]$/, '') };
  return { type: 'result', attachmentLayout: 'list', attachments };
}

// From an understood question (or a pressed button) to the answer: one table per source.
import type { Colour } from '../../core/types';
import { COLOURS } from '../../core/score';
import type { Intent, Understood } from '../intents';
import { helpCard } from '../cards/help';
import { ADD_PROBLEM_VERB, PROBLEM_STATUS_VERB } from '../cards/problems';
import { countyAnswer, overviewAnswer } from './county';
import { listAnswer, type ListQuery } from './lists';
import { nudgeAnswer } from './nudge';
import { addProblemAnswer, problemStatusAnswer } from './problem-edit';
import { problemsAnswer } from './problems';
import { answerSearch, historyAnswer, projectAnswer, searchProjects } from './project';
import { card, type Ask, type Reply } from './reply';
import { settingsAnswer, subscribeAnswer, unsubscribeAnswer } from './subscribe';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;
type Handlers = { [K in Intent['kind']]: (a: Ask, i: Of<K>, u: Understood) => Reply[] };

const BY_INTENT: Handlers = {
  help: (a) => [card(helpCard(a.locale))],
  subscribe: (a, i) => subscribeAnswer(a, i.target),
  unsubscribe: (a) => unsubscribeAnswer(a),
  settings: (a) => settingsAnswer(a),
  overview: (a, _i, u) => projectFirst(a, u.text, () => overviewAnswer(a)),
  colour: (a, i) => listAnswer(a, { kind: 'colour', colour: i.colour, county: i.county }),
  mine: (a) => listAnswer(a, { kind: 'mine' }),
  leader: (a, i) => listAnswer(a, { kind: 'leader', leader: i.leader }),
  missing: (a, i) => listAnswer(a, { kind: 'missing', county: i.county }),
  problems: (a, i, u) => {
    // 「衡水湖生态修复工程有什么问题」: the problems of that project.
    const s = searchProjects(a, u.text);
    if (s.kind === 'one') return problemsAnswer(a, { code: s.entry.code, overdue: i.overdue });
    return problemsAnswer(a, { county: i.county, overdue: i.overdue });
  },
  // 「冀州区智能制造基地」 names a county too: a project name in the text wins.
  county: (a, i, u) => projectFirst(a, u.text, () => countyAnswer(a, i.county)),
  project: (a, _i, u) => answerSearch(a, u.text, searchProjects(a, u.text)),
};

/** The project the text names, if any; otherwise the fallback answer. */
function projectFirst(a: Ask, question: string, otherwise: () => Reply[]): Reply[] {
  const s = searchProjects(a, question);
  return s.kind === 'none' ? otherwise() : answerSearch(a, question, s);
}

export function answerQuestion(a: Ask, u: Understood): Reply[] {
  const h = BY_INTENT[u.intent.kind] as (a: Ask, i: Intent, u: Understood) => Reply[];
  return h(a, u.intent, u);
}

// Card buttons. Their data comes back from the client: check each field's type.
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 200 ? v : undefined);
const SCORED = COLOURS.filter((c): c is Exclude<Colour, 'none'> => c !== 'none');

function listQuery(d: Record<string, unknown>): ListQuery | undefined {
  const county = str(d.county);
  if (d.kind === 'colour' && SCORED.includes(d.colour as Exclude<Colour, 'none'>)) return { kind: 'colour', colour: d.colour as Exclude<Colour, 'none'>, county };
  if (d.kind === 'leader' && str(d.leader)) return { kind: 'leader', leader: str(d.leader)! };
  if (d.kind === 'mine') return { kind: 'mine' };
  if (d.kind === 'missing') return { kind: 'missing', county };
  return undefined;
}

export const VERBS: Record<string, (a: Ask, d: Record<string, unknown>) => Reply[] | undefined | Promise<Reply[] | undefined>> = {
  project: (a, d) => (str(d.code) ? projectAnswer(a, str(d.code)!) : undefined),
  history: (a, d) => (str(d.code) ? historyAnswer(a, str(d.code)!) : undefined),
  problems: (a, d) => problemsAnswer(a, { code: str(d.code), county: str(d.county) }),
  nudge: (a, d) => (str(d.county) ? nudgeAnswer(a, str(d.county)!) : undefined),
  [ADD_PROBLEM_VERB]: addProblemAnswer,
  [PROBLEM_STATUS_VERB]: problemStatusAnswer,
  page: (a, d) => {
    const q = listQuery(d);
    const page = Number.isInteger(d.page) ? (d.page as number) : 0;
    return q ? listAnswer(a, q, page) : undefined;
  },
};

// County and city questions: the county card (rank, indicators, colours) and the city overview.
import { tr } from '../../core/i18n';
import { colourCounts } from '../../core/score';
import { commendations, rankCounties } from '../../core/rank';
import { countyCard } from '../cards/county';
import { cityCard } from '../cards/city';
import { M } from '../messages';
import { canSee } from './caller';
import { missingReports } from './lists';
import { cityEscalations, problemSummaryOf } from './summary';
import { isHalfYearOrYearEnd } from '../../server/ranking';
import { card, text, type Ask, type Reply } from './reply';

export function countyAnswer(a: Ask, county: string): Reply[] {
  if (!canSee(a.caller, county)) return [text(tr(a.locale, M.outOfScope, { county: a.caller.county ?? '' }))];
  const { period, states } = a.data.states();
  const ranking = rankCounties(states, period, a.data.config);
  const own = states.filter((s) => s.project.county === county);
  const rp = a.data.reportingPeriod();
  const missing = missingReports(a.data.store.projectStates(rp, county), rp, a.data.config).length;
  return [
    card(
      countyCard(
        {
          county,
          period,
          ranking: ranking.find((r) => r.county === county),
          of: ranking.length,
          colours: colourCounts(a.data.scores(own, period, a.locale)),
          missing,
          reportingPeriod: rp,
        },
        a.locale,
      ),
    ),
  ];
}

export function overviewAnswer(a: Ask): Reply[] {
  // Staff see their county's card instead of the city's.
  if (a.caller.county) return countyAnswer(a, a.caller.county);
  const { period, states } = a.data.states();
  const ranking = rankCounties(states, period, a.data.config);
  const { commended, talks } = commendations(ranking, a.data.config);
  const pick = (names: string[]) => ranking.filter((r) => names.includes(r.county));
  return [
    card(
      cityCard(
        {
          city: a.data.config.city.name,
          period,
          top: pick(commended),
          bottom: pick(talks),
          announced: isHalfYearOrYearEnd(period),
          colours: colourCounts(a.data.scores(states, period, a.locale)),
          projects: states.length,
          problems: problemSummaryOf(a, a.data.store.problems.list()),
          escalations: cityEscalations(a, period),
        },
        a.locale,
      ),
    ),
  ];
}

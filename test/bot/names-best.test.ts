// NameIndex.best is the fast path of the bot's name search (whole names looked up in maps,
// substrings no longer than the longest name). It must give exactly what the full scan gives:
// match(text) filtered by the scope and cut to its top score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, type NameEntry } from '../../bot/names';
import { DEFAULT_CONFIG } from '../../core/config';
import { COUNTY_FLAVOURS } from '../../server/demo/names';

const PLACES = [...DEFAULT_CONFIG.counties.map((c) => c.name), DEFAULT_CONFIG.city.name];
const KINDS = ['产业园', '生产线项目', '技术改造项目', '综合体', '改造工程', '物流中心', '示范区', '基地'];

/** 1,300 names built like a province's: county, local place and industry, kind, a number. */
const ENTRIES: NameEntry[] = Array.from({ length: 1300 }, (_, i) => {
  const county = DEFAULT_CONFIG.counties[i % DEFAULT_CONFIG.counties.length].name;
  const f = COUNTY_FLAVOURS[county];
  const name = `${county}${f.places[i % f.places.length]}${f.industries[(i >> 2) % f.industries.length]}${KINDS[(i >> 1) % KINDS.length]}${Math.floor(i / 13) + 1}期`;
  return { code: `P${i}`, name, county };
});
const index = new NameIndex(ENTRIES, PLACES);

function fullScan(text: string, keep: (e: NameEntry) => boolean) {
  const all = index.match(text).filter((m) => keep(m.entry));
  return all.filter((m) => m.score === all[0]?.score);
}

const scopes: [string, (e: NameEntry) => boolean][] = [
  ['city', () => true],
  ['one county', (e) => e.county === DEFAULT_CONFIG.counties[3].name],
  ['another county', (e) => e.county === DEFAULT_CONFIG.counties[7].name],
];

describe('NameIndex.best', () => {
  it('equals the full scan on whole names in questions, partial names, cores, and text longer than any name', () => {
    fc.assert(
      fc.property(
        fc.nat(ENTRIES.length - 1),
        fc.nat(ENTRIES.length - 1),
        fc.nat(30),
        fc.nat(12),
        fc.constantFrom('进展怎么样', '', '的投资完成了多少？', '和'),
        fc.constantFrom(...scopes),
        (a, b, from, len, tail, [, keep]) => {
          const name = ENTRIES[a].name;
          const other = ENTRIES[b].name;
          const questions = [
            `${name}${tail}`,
            `${name.slice(from % name.length, (from % name.length) + len + 2)}${tail}`,
            `${name}${tail}${other}`,
            `${other.slice(3)}${name.slice(0, len)}`,
          ];
          for (const q of questions) expect(index.best(q, keep)).toEqual(fullScan(q, keep));
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('finds the one project a whole name names, within the scope only', () => {
    const e = ENTRIES[42];
    expect(index.best(`${e.name}进展怎么样`).map((m) => m.entry)).toEqual([e]);
    expect(index.best(`${e.name}进展怎么样`, (x) => x.county !== e.county).every((m) => m.entry.county !== e.county)).toBe(true);
  });
});

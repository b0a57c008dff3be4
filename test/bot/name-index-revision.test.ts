// BotData.nameIndex(): one index per project revision (migration 009's triggers move it on an
// insert, delete, rename or county change). A question after a rename finds the new name; an edit
// that changes no name keeps the same index (20,000 names cost ≈ 0.5 s to index).
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BotData } from '../../bot/answers/data';
import { DEFAULT_CONFIG } from '../../core/config';
import { makeFixture, NOW, PROJECTS, type Fixture } from './fixture';

let f: Fixture;
beforeEach(() => { f = makeFixture(); });
afterEach(() => f.close());

const data = () => new BotData({ store: f.store, config: DEFAULT_CONFIG, logger: pino({ level: 'silent' }), env: {}, now: () => NOW });

it('keeps the index while names stay, rebuilds it after a rename and after a new project', () => {
  const d = data();
  const first = d.nameIndex();
  expect(d.nameIndex()).toBe(first);
  const ctx = { actor: 'test' };
  const p = f.store.projects.get(PROJECTS[0].code)!;

  f.store.projects.save({ ...p, owner: '另一家建设单位' }, ctx);
  expect(d.nameIndex()).toBe(first);

  f.store.projects.save({ ...p, name: '滏阳河综合治理工程' }, ctx);
  const renamed = d.nameIndex();
  expect(renamed).not.toBe(first);
  expect(renamed.search('滏阳河综合治理')).toMatchObject({ kind: 'one', entry: { code: p.code } });
  expect(first.search('滏阳河综合治理')).not.toMatchObject({ kind: 'one' });

  f.store.projects.save({ ...p, code: '2026-131102-04-01-000099', name: '桃城区新建物流园' }, ctx);
  const added = d.nameIndex();
  expect(added).not.toBe(renamed);
  expect(added.search('新建物流园')).toMatchObject({ kind: 'one', entry: { code: '2026-131102-04-01-000099' } });
});

it('answers from the data month it last found only while the database stays unchanged, by this connection or another', async () => {
  const d = data();
  expect(d.dataPeriod()).toBe('2026-03');
  expect(d.dataPeriod()).toBe('2026-03');
  // This connection removes March: the next question sees February.
  f.store.db.prepare("DELETE FROM reports WHERE period = '2026-03'").run();
  expect(d.dataPeriod()).toBe('2026-02');
  // Another connection (an import run from the command line) removes February too.
  const { openDb } = await import('../../server/store/db');
  const other = openDb(join(f.dir, 'test.db'));
  other.prepare("DELETE FROM reports WHERE period = '2026-02'").run();
  other.close();
  expect(d.dataPeriod()).toBe('2026-01');
});

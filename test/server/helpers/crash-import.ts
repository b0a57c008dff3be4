// Child process for the crash-safety test: imports ROWS generated ledger rows for PERIOD into
// the database DB in one transaction, printing "begin" before and "commit <ms>" after.
// Usage: node --import tsx test/server/helpers/crash-import.ts DB PERIOD ROWS
import type { LedgerValues } from '../../../core/types';
import { openDb } from '../../../server/store/db';
import { Store } from '../../../server/store/store';

const [db, period, n] = process.argv.slice(2);
const rows: LedgerValues[] = Array.from({ length: Number(n) }, (_, i) => ({
  code: `2026-131102-04-01-${String(i + 1).padStart(6, '0')}`,
  name: `桃城区压力测试项目${i + 1}`, county: '桃城区', list: '在建', level: '市重点', sector: '工业',
  owner: '桃城区城市建设投资有限公司', total: 20000, annualPlan: 6000, plannedStart: '2025-03', plannedEnd: '2027-12',
  leader: '赵志刚', unit: '桃城区人民政府', monthInvest: 500, ytdInvest: 500, cumInvest: 5500,
  actualStart: '2025-04', stage: '在建', approvals: [], progress: 30, progressNote: `批次 ${period}`,
}));
const store = new Store(openDb(db));
process.stdout.write('begin\n');
const t0 = Date.now();
store.importLedger(rows, period, 'crash-test');
process.stdout.write(`commit ${Date.now() - t0}\n`);
store.close();

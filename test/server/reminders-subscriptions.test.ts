import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/store/db';
import { Subscriptions } from '../../server/store/subscriptions';

let dir: string;
let db: Db;
let subs: Subscriptions;

const ref = (id: string, serviceUrl = 'http://127.0.0.1:9/') => ({
  activityId: 'act-1',
  user: { id: 'u1', name: '张三' },
  bot: { id: 'bot', name: '重点项目助手' },
  conversation: { id, conversationType: 'channel', name: '重点办', isGroup: true },
  channelId: 'msteams',
  serviceUrl,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyproj-subs-'));
  db = openDb(join(dir, 'k.db'));
  subs = new Subscriptions(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Subscriptions', () => {
  it('saves a reference without subscribing, then subscribes with it', () => {
    subs.saveReference(ref('c1'));
    expect(subs.get('c1')).toBeUndefined();
    expect(subs.reference('c1')?.serviceUrl).toBe('http://127.0.0.1:9/');
    expect(subs.reference('c1')?.activityId).toBeUndefined();
    subs.subscribe('c1', '桃城区');
    const s = subs.get('c1')!;
    expect(s.scope).toBe('桃城区');
    expect(s.quiet).toBe(false);
    expect(s.reference.conversation?.id).toBe('c1');
    expect(s.reference.serviceUrl).toBe('http://127.0.0.1:9/');
  });

  it('replaces the scope on a second subscribe and keeps the newest reference', () => {
    subs.saveReference(ref('c1'));
    subs.subscribe('c1', '桃城区');
    subs.subscribe('c1', '全市', { quiet: true });
    subs.saveReference(ref('c1', 'http://127.0.0.1:10/'));
    expect(subs.list()).toHaveLength(1);
    expect(subs.get('c1')).toMatchObject({ scope: '全市', quiet: true, reference: { serviceUrl: 'http://127.0.0.1:10/' } });
  });

  it('unsubscribe ends the subscription and reports whether there was one', () => {
    subs.saveReference(ref('c1'));
    subs.subscribe('c1', '冀州区');
    expect(subs.unsubscribe('c1')).toBe(true);
    expect(subs.get('c1')).toBeUndefined();
    expect(subs.unsubscribe('c1')).toBe(false);
    expect(subs.unsubscribe('never-seen')).toBe(false);
    // the reference stays for a later subscription
    expect(subs.reference('c1')?.serviceUrl).toBeDefined();
  });

  it('writes an unchanged reference again only once its seen time is an hour old; any change or a retirement is written at once', () => {
    let now = new Date('2026-11-20T02:00:00Z');
    const s = new Subscriptions(db, () => now);
    const seen = () => (db.prepare('SELECT seen_at FROM reminder_conversations WHERE conversation_id = ?').get('c9') as { seen_at: string }).seen_at;
    const writes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    s.saveReference(ref('c9'));
    expect(seen()).toBe('2026-11-20T02:00:00.000Z');
    const before = writes();
    now = new Date('2026-11-20T02:59:00Z');
    s.saveReference(ref('c9'));
    expect(writes()).toBe(before);
    expect(seen()).toBe('2026-11-20T02:00:00.000Z');
    // A changed reference (a new service URL) is written straight away.
    s.saveReference(ref('c9', 'http://127.0.0.1:11/'));
    expect(s.reference('c9')?.serviceUrl).toBe('http://127.0.0.1:11/');
    expect(seen()).toBe('2026-11-20T02:59:00.000Z');
    // The same reference after more than an hour refreshes the seen time.
    now = new Date('2026-11-20T04:00:00Z');
    s.saveReference(ref('c9', 'http://127.0.0.1:11/'));
    expect(seen()).toBe('2026-11-20T04:00:00.000Z');
    // A retired conversation is brought back by the next message, unchanged reference or not.
    s.subscribe('c9', '桃城区');
    s.retire('c9', '403 Forbidden');
    expect(s.active().map((x) => x.conversationId)).not.toContain('c9');
    now = new Date('2026-11-20T04:01:00Z');
    s.saveReference(ref('c9', 'http://127.0.0.1:11/'));
    expect(s.active().map((x) => x.conversationId)).toContain('c9');
    // Retired by another connection (a reminder run from the command line): the next message,
    // with the same reference well within the hour, still brings it back.
    const other = openDb(join(dir, 'k.db'));
    new Subscriptions(other, () => now).retire('c9', '404 Not Found');
    other.close();
    expect(s.active().map((x) => x.conversationId)).not.toContain('c9');
    now = new Date('2026-11-20T04:02:00Z');
    s.saveReference(ref('c9', 'http://127.0.0.1:11/'));
    expect(s.active().map((x) => x.conversationId)).toContain('c9');
  });

  it('retire hides a conversation from active() until the bot hears from it again', () => {
    subs.saveReference(ref('c1'));
    subs.saveReference(ref('c2'));
    subs.subscribe('c1', '桃城区');
    subs.subscribe('c2', '景县');
    subs.retire('c1', '403 Forbidden：机器人已被移出会话');
    expect(subs.active().map((s) => s.conversationId)).toEqual(['c2']);
    expect(subs.list().find((s) => s.conversationId === 'c1')).toMatchObject({ retiredReason: '403 Forbidden：机器人已被移出会话' });
    subs.saveReference(ref('c1'));
    expect(subs.active().map((s) => s.conversationId).sort()).toEqual(['c1', 'c2']);
  });

  it('records subscribe, unsubscribe and retire in the audit log', () => {
    subs.saveReference(ref('c1'));
    subs.subscribe('c1', '桃城区', { actor: '李四' });
    subs.retire('c1', '404');
    subs.unsubscribe('c1', '李四');
    const rows = db.prepare("SELECT actor, action FROM audit WHERE entity = 'subscription' AND key = 'c1' ORDER BY id").all();
    expect(rows).toEqual([
      { actor: '李四', action: 'subscribe' },
      { actor: 'reminder', action: 'retire' },
      { actor: '李四', action: 'unsubscribe' },
    ]);
  });

  it('rejects a reference without a conversation id and an empty scope with Chinese messages', () => {
    expect(() => subs.saveReference({ serviceUrl: 'x' })).toThrow(/conversation\.id/);
    expect(() => subs.subscribe('c1', '  ')).toThrow(/订阅范围不能为空/);
  });

  it('persists across reopening the file', () => {
    subs.saveReference(ref('c1'));
    subs.subscribe('c1', '深州市', { locale: 'en' });
    db.close();
    db = openDb(join(dir, 'k.db'));
    subs = new Subscriptions(db);
    expect(subs.get('c1')).toMatchObject({ scope: '深州市', locale: 'en' });
  });
});

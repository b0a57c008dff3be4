-- Weekly reminders: the conversations the bot can reach, their subscriptions, the send log
-- (one row per slot and conversation, so a reminder goes out once) and leases (one instance
-- fans out a slot at a time).

-- Every conversation the bot has seen, with its Bot Framework conversation reference (JSON).
-- scope NULL = not subscribed. retired_at set = the bot can no longer post there (403/404).
CREATE TABLE reminder_conversations (
  conversation_id TEXT PRIMARY KEY,
  reference       TEXT NOT NULL,
  service_url     TEXT,
  channel_id      TEXT,
  conversation_type TEXT,
  name            TEXT,
  seen_at         TEXT NOT NULL,
  scope           TEXT,
  quiet           INTEGER NOT NULL DEFAULT 0 CHECK (quiet IN (0, 1)),
  locale          TEXT,
  subscribed_at   TEXT,
  retired_at      TEXT,
  retired_reason  TEXT
);
CREATE INDEX reminder_conversations_by_scope ON reminder_conversations (scope) WHERE scope IS NOT NULL;

-- One reminder occasion: `weekly:2026-W40`, `deadline:2026-10`. planned_at is set once the
-- recipients are written to reminder_sends; later subscribers wait for the next slot.
CREATE TABLE reminder_slots (
  slot         TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('weekly', 'deadline', 'manual')),
  due_at       TEXT NOT NULL,
  period       TEXT NOT NULL,
  planned_at   TEXT,
  completed_at TEXT
);

-- The send log. state: pending → sending → sent | failed | retired; skipped = nothing to say
-- (quiet subscription on a good week, or no missing reports before the deadline).
CREATE TABLE reminder_sends (
  slot            TEXT NOT NULL REFERENCES reminder_slots (slot),
  conversation_id TEXT NOT NULL,
  scope           TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'retired', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  holder          TEXT,
  next_attempt_at TEXT,
  last_error      TEXT,
  activity_id     TEXT,
  updated_at      TEXT NOT NULL,
  sent_at         TEXT,
  PRIMARY KEY (slot, conversation_id)
);
CREATE INDEX reminder_sends_by_state ON reminder_sends (slot, state);

-- Leases: name (a slot) → holder until expires_at (epoch milliseconds).
CREATE TABLE reminder_leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);

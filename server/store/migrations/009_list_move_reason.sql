-- Why a project changed lists (core/lists.ts reason, or the submitted ledger's own list).
ALTER TABLE list_moves ADD COLUMN reason TEXT;

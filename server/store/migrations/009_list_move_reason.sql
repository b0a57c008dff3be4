-- Why a project changed lists (core/lists.ts reason, or the submitted ledger's own list).
ALTER TABLE list_moves ADD COLUMN reason TEXT;

-- Reserve projects without a code are found again by county and name (temporary ids).
CREATE INDEX projects_by_county_name ON projects (county, name);

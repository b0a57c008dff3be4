-- Reserve projects without a national code get TMP-<county code>-<6 digits>; the counter per county.
CREATE TABLE temp_code_seq (
  county_code TEXT PRIMARY KEY,
  last        INTEGER NOT NULL
);

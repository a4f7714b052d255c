-- Near-identical wording in the duplicate check (petitions/service.ts duplicateCandidateIds): an
-- anonymous letter sent again, or to several agencies, has no writer to match, only its words.
-- The content's 64-bit simhash is cut into four 16-bit bands; wording at most 3 bits apart shares
-- at least one band. A GIN index on the bands found the rows sharing one, but letters written on
-- the same pattern (a complaint about an electricity bill, a petrol station selling short) share
-- bands by the thousand: every one was read from the table to measure its distance. One btree
-- index per band, holding the whole simhash and the id, measures the distance on the index alone
-- and keeps only the nearest.
create index petition_simhash_band0_idx on petition ((substr(content_simhash, 1, 4)), content_simhash) include (id)
  where content_simhash <> '0000000000000000';
create index petition_simhash_band1_idx on petition ((substr(content_simhash, 5, 4)), content_simhash) include (id)
  where content_simhash <> '0000000000000000';
create index petition_simhash_band2_idx on petition ((substr(content_simhash, 9, 4)), content_simhash) include (id)
  where content_simhash <> '0000000000000000';
create index petition_simhash_band3_idx on petition ((substr(content_simhash, 13, 4)), content_simhash) include (id)
  where content_simhash <> '0000000000000000';

drop index petition_content_bands_idx;
alter table petition drop column content_bands;

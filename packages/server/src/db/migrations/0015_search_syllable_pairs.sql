-- Searching Vietnamese by phrase (petitions/service.ts searchTiers). A Vietnamese word is one to
-- three syllables written apart, so the syllables of "Nguyễn Văn An" searched one by one also
-- match "tài nguyên", "văn bản" and "an toàn": nearly every letter, in date order, the petitions
-- of Nguyễn Văn An lost among them, and counting them was the slowest part of a search (quality
-- target: a search page under 50 ms at p95 with millions of petitions).
--
-- Each pair of neighbouring syllables of the search text ("nguyen_van", "van_an") is kept as a
-- lexeme of a stored tsvector with its GIN index: a phrase's pairs are found through posting
-- lists as short as the phrase is rare, the last one as a prefix while it is being typed
-- ('van_a':* finds "Văn Anh"), and the phrase itself is then checked on the positions of
-- search_tsv, so pairs far apart never match. Stored, not an index on an expression: checking a
-- row costs a lookup, not a recomputation, whatever plan the server picks (about 1 KB a petition).
--
-- The search text holds the names, codes and document numbers as well as the letter, so the
-- trigram index on search_names, which served substring matching of names, goes: a common
-- name's trigrams matched three times as many rows as the name, each checked again on the table.
create function f_syllable_pairs(t text) returns tsvector
  language sql immutable strict parallel safe as $$
  select coalesce(array_to_tsvector(array_agg(distinct s.w || '_' || s.n)), ''::tsvector)
  from (
    select u.w, lead(u.w) over (order by u.i) as n
    from unnest(string_to_array(t, ' ')) with ordinality as u (w, i)
  ) s
  where s.n is not null and s.w <> '' and s.n <> ''
$$;

alter table petition add column search_pairs tsvector generated always as (f_syllable_pairs(search_text)) stored;
create index petition_search_pairs_idx on petition using gin (search_pairs);
-- The planner's figures for the new column, at once rather than at the next automatic analyze.
analyze petition;

drop index petition_search_names_trgm_idx;

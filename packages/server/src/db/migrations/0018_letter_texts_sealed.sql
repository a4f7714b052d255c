-- A letter that is, or may yet be, a denunciation keeps its own texts sealed (petitions/
-- letter-texts.ts): the original title, summary and content in `texts_sealed`, and in the clear
-- columns only the texts with its writers' data masked. Until it is classified its writers are
-- left out of the search text; its handlers find it by a writer through `writer_keys`, keyed
-- hashes of the writers' full names, numbers and e-mails.
alter table petition add column texts_sealed text;
alter table petition add column writer_keys text[] not null default '{}';
create index petition_writer_keys_idx on petition using gin (writer_keys) where kind is null;
-- The start-up sweep (start.ts) seals the texts of letters an earlier version left in clear; this
-- index is empty once it has run.
create index petition_texts_unsealed_idx on petition (id)
  where texts_sealed is null and (kind is null or kind = 'denunciation');

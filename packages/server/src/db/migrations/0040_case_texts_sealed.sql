-- What the resolvers of a denunciation type in its steps (a verification note, a conclusion's
-- findings, a reason, the measures) often quotes the denouncer: "làm việc với bà …, ĐT …". For a
-- protected case (a denunciation, or a case whose letter may be one) the clear `facts` and each
-- timeline entry's `data` keep a copy with the writers' personal data masked, and the original is
-- sealed under the key ring, bound to its row (modules/cases/at-rest.ts; Điều 9 khoản 1, Điều 47
-- Luật Tố cáo 2018). The keys are not in the database: rows an earlier version wrote in clear are
-- sealed at start (start.ts), and this index is empty once that has run.
-- Runs unchanged on PostgreSQL 15+ and on PGlite.
alter table resolution_case add column facts_sealed text;
alter table case_event add column data_sealed text;
create index resolution_case_facts_unsealed_idx on resolution_case (id)
  where kind = 'denunciation' and facts_sealed is null;

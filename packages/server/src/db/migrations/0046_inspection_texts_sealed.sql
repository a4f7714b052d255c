-- An ad hoc inspection triggered by a denunciation case of this system (issue 17) is typed from
-- the case's file: its title, content, ground and step notes may quote the denouncer ("theo đơn
-- của ông …"). For such an inspection the clear columns (title, content, trigger_note,
-- violation_sign, search_text, facts, each timeline entry's data) keep a copy with the
-- denouncer's personal data masked, and the originals are sealed under the key ring, bound to
-- their rows (modules/inspections/record/at-rest.ts; Điều 9 khoản 1, Điều 47 Luật Tố cáo 2018).
-- Runs unchanged on PostgreSQL 15+ and on PGlite.
alter table inspection add column texts_sealed text;
alter table inspection add column facts_sealed text;
alter table inspection_event add column data_sealed text;

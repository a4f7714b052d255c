-- What a denouncer says or hands in at the reception desk names them: the content summary, the
-- notes, the follow-up and the titles of the papers received ("Đơn tố cáo của ông …", a phone
-- number). For a visit whose content is a denunciation these texts are sealed by the server
-- (Điều 9 khoản 1 Luật Tố cáo 2018); the clear columns and the search columns then keep only the
-- masked texts. Rows of earlier versions are sealed at start (the keys are not in the database).
alter table reception_visit add column texts_sealed text;
create index reception_visit_texts_unsealed_idx on reception_visit (id)
  where content_kind = 'denunciation' and texts_sealed is null;

-- The visitors of a reception visit (and a group's representatives) are sealed like a petition's
-- writers: someone who comes to denounce is a denouncer (Điều 9 khoản 1 Luật Tố cáo 2018). The
-- `visitors` and `representatives` columns then keep only placeholders of the same count. Rows of
-- earlier versions are sealed by the server at start (the keys are not in the database).
alter table reception_visit add column people_sealed text;

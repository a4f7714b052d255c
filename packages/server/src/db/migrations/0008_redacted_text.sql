-- What lists, duplicate matches and exports show of a petition's text. For a denunciation it is
-- written with the denouncer's personal data masked (domain text/redact.ts): the full content is
-- for those who may see the identity. Rows of earlier versions are filled by the server at start.
alter table petition add column excerpt text;

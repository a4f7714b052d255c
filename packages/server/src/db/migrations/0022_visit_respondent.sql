-- The person or body complained about or denounced (người bị khiếu nại, bị tố cáo), as the
-- citizen names them at the reception desk: carried to the petition made from the visit, so the
-- handler does not ask for it again. Not a denouncer's identity: stored in clear, as a petition's
-- respondents are.
ALTER TABLE reception_visit ADD COLUMN respondent_name text;
ALTER TABLE reception_visit ADD COLUMN respondent_address text;

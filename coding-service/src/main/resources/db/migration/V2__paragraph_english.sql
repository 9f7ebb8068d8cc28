-- The reviewed English translation, aligned to the original paragraph (analysts code in English).
alter table transcript_paragraph add column english text;

-- coding-service keeps the English text only: originals stay in transcript-service, readable by their site.
update transcript_paragraph set english = text where english is null and text is not null
    and transcript_id in (select id from released_transcript where language = 'en' or language like 'en-%');
alter table transcript_paragraph drop column text;

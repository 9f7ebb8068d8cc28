package io.chorus.coding.assistant.service;

import io.chorus.coding.transcript.repository.ReleasedTranscript;
import io.chorus.coding.coding.service.CodingService;
import io.chorus.coding.search.service.SearchService;
import io.chorus.coding.search.service.SearchViews.Filter;
import io.chorus.coding.search.service.SearchViews.SearchHit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Semantic search: passages like a free text, or like a paragraph the caller may read. */
@ApplicationScoped
@Transactional
public class SimilarPassages {

    @Inject
    SentenceEmbeddings embeddings;

    @Inject
    SearchService search;

    @Inject
    CodingService codings;

    public Page<SearchHit> find(String like, String transcriptId, Integer paragraph, Filter filter, int page, int size) {
        boolean byText = like != null && !like.isBlank();
        if (byText == (transcriptId != null)) {
            throw ProblemException.invalid("/like", "Give either like= (free text) or transcript= and paragraph=");
        }
        if (byText) {
            return search.similar(embeddings.embed(like), filter, null, null, page, size);
        }
        if (paragraph == null) {
            throw ProblemException.invalid("/paragraph", "paragraph= is required with transcript=");
        }
        ReleasedTranscript transcript = codings.readableTranscript(transcriptId);
        ReleasedTranscript.Paragraph text = transcript.paragraph(paragraph);
        if (text == null || text.english == null) {
            throw ProblemException.notFound("Paragraph " + paragraph + " of transcript '" + transcriptId + "'");
        }
        return search.similar(embeddings.embed(text.english), filter, transcript.id, paragraph, page, size);
    }
}

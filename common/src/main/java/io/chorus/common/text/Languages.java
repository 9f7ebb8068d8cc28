package io.chorus.common.text;

/** Language tags as transcripts carry them (BCP 47, such as "en", "en-GB", "lg", "de"). */
public final class Languages {

    private Languages() {
    }

    /** English needs no translation, and reading it is not a read of a non-English original. */
    public static boolean isEnglish(String language) {
        return language == null || language.equals("en") || language.startsWith("en-");
    }
}

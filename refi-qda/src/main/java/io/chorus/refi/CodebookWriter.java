package io.chorus.refi;

import io.chorus.refi.QdaProject.Code;
import io.chorus.refi.QdaProject.CodeSet;
import java.io.OutputStream;
import java.util.List;

/** Writes a {@code .qdc} code book (QDA-XML codebook 1.0). */
public final class CodebookWriter {

    public static final String CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";

    private CodebookWriter() {
    }

    public static void write(List<Code> codes, List<CodeSet> sets, String origin, OutputStream out) {
        QdaXmlWriter xml = new QdaXmlWriter(out, "CodeBook", CODEBOOK_NAMESPACE);
        xml.attribute("origin", origin);
        ProjectWriter.codes(xml, codes);
        if (!sets.isEmpty()) {
            xml.start("Sets");
            for (CodeSet set : sets) {
                xml.start("Set").guid("guid", set.guid()).attribute("name", set.name()).textElement("Description", set.description());
                set.memberCodes().forEach(code -> xml.empty("MemberCode").guid("guid", code));
                xml.end();
            }
            xml.end();
        }
        xml.close();
    }
}

package io.chorus.refi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** The REFI-QDA schemas (QDA-XML 1.0, release of 18 March 2019), to check what Chorus writes. */
public final class QdaSchemas {

    private static final Schema PROJECT = load("Project.xsd");
    private static final Schema CODEBOOK = load("Codebook.xsd");

    private QdaSchemas() {
    }

    private static Schema load(String name) {
        try (InputStream xsd = QdaSchemas.class.getResourceAsStream(name)) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the bundled schema " + name + " does not load", e);
        }
    }

    /** Throws with the first violation when the project file is not valid against {@code Project.xsd}. */
    public static void validateProject(InputStream qde) throws SAXException {
        validate(PROJECT, qde);
    }

    public static void validateCodebook(InputStream qdc) throws SAXException {
        validate(CODEBOOK, qdc);
    }

    private static void validate(Schema schema, InputStream document) throws SAXException {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

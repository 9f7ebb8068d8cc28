package io.chorus.refi;

import io.chorus.refi.RefiRefusal.Reason;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A streaming reader for QDA-XML that reads no DTD: a DOCTYPE is refused outright, so external entities (XXE) and
 * entity expansion (billion laughs) never happen. Elements are matched by local name, so every namespace the tools
 * write ({@code urn:QDA-XML:project:1.0}, {@code urn:QDA-XML:codebook:1.0}, {@code …:1:0}, {@code …:0:4}) reads alike.
 */
final class SecureXml {

    private static final XMLInputFactory FACTORY = factory();

    private final XMLStreamReader reader;
    private final String entry;

    private SecureXml(XMLStreamReader reader, String entry) {
        this.reader = reader;
        this.entry = entry;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Opens the document and positions it on the root element, which must be {@code rootName} in a QDA-XML namespace. */
    static SecureXml open(InputStream in, String entry, String rootName) {
        try {
            SecureXml xml = new SecureXml(FACTORY.createXMLStreamReader(in), entry);
            xml.toRoot(rootName);
            return xml;
        } catch (XMLStreamException e) {
            throw malformed(entry, e);
        }
    }

    private void toRoot(String rootName) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new RefiRefusal(Reason.DOCTYPE, entry, label(entry) + " declares a DOCTYPE; QDA-XML has none, and DTDs and "
                        + "entities are not read");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String namespace = reader.getNamespaceURI();
                if (!reader.getLocalName().equals(rootName) || (namespace != null && !namespace.isEmpty()
                        && !namespace.startsWith("urn:QDA-XML:"))) {
                    throw new RefiRefusal(Reason.NOT_QDA_XML, entry, label(entry) + " is not QDA-XML: its root is <"
                            + reader.getLocalName() + "> in namespace '" + namespace + "', not <" + rootName + ">");
                }
                return;
            }
        }
        throw new RefiRefusal(Reason.MALFORMED_XML, entry, label(entry) + " has no root element");
    }

    String name() {
        return reader.getLocalName();
    }

    String attribute(String name) {
        String value = reader.getAttributeValue(null, name);
        return value == null || value.isEmpty() ? null : value;
    }

    String guid(String name) {
        return Guids.canonical(attribute(name));
    }

    boolean flag(String name, boolean absent) {
        String value = attribute(name);
        return value == null ? absent : value.equalsIgnoreCase("true") || value.equals("1");
    }

    long number(String name) {
        String value = attribute(name);
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new RefiRefusal(Reason.MALFORMED_XML, entry, label(entry) + ": <" + name() + "> at line " + line() + " has "
                    + name + "='" + value + "', not a whole number");
        }
    }

    Instant time(String name) {
        String value = attribute(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    int line() {
        return reader.getLocation() == null ? -1 : reader.getLocation().getLineNumber();
    }

    /** The text content of the current element, which is consumed. */
    String text() {
        try {
            return reader.getElementText();
        } catch (XMLStreamException e) {
            throw malformed(entry, e);
        }
    }

    /** Visits each child element of the current one; the visitor consumes the child (reads it or {@link #skip}s it). */
    void children(Consumer<String> visitor) {
        try {
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    visitor.accept(reader.getLocalName());
                    if (reader.getEventType() != XMLStreamConstants.END_ELEMENT) {
                        throw new IllegalStateException("visitor left <" + reader.getLocalName() + "> unread");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new RefiRefusal(Reason.MALFORMED_XML, entry, label(entry) + " ends inside an element");
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(entry, e);
        }
    }

    /** Consumes the current element and everything in it. */
    void skip() {
        children(child -> skip());
    }

    void close() {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // the stream is the archive's and is closed with it
        }
    }

    /** How a message names the document: its archive entry, or "The file" for a file sent on its own. */
    static String label(String entry) {
        return entry == null ? "The file" : "Entry '" + entry + "'";
    }

    private static RefiRefusal malformed(String entry, XMLStreamException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
        return new RefiRefusal(Reason.MALFORMED_XML, entry, label(entry) + " is not well-formed XML" + where + ": "
                + e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", ""));
    }
}

package io.chorus.refi;

import java.io.OutputStream;
import java.time.Instant;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes QDA-XML elements in a default namespace; GUIDs in the schema's form, times as xsd:dateTime. */
final class QdaXmlWriter implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter writer;

    QdaXmlWriter(OutputStream out, String rootName, String namespace) {
        try {
            writer = FACTORY.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(namespace);
            writer.writeStartElement(namespace, rootName);
            writer.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Step {
        void write() throws XMLStreamException;
    }

    private QdaXmlWriter step(Step step) {
        try {
            step.write();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing QDA-XML failed", e);
        }
        return this;
    }

    QdaXmlWriter start(String name) {
        return step(() -> writer.writeStartElement(name));
    }

    QdaXmlWriter empty(String name) {
        return step(() -> writer.writeEmptyElement(name));
    }

    QdaXmlWriter attribute(String name, Object value) {
        return value == null ? this : step(() -> writer.writeAttribute(name, value.toString()));
    }

    /** A GUID attribute: the schema wants the UUID shape, so a foreign GUID that lacks it is written as the UUID it maps to. */
    QdaXmlWriter guid(String name, String guid) {
        return guid == null ? this : attribute(name, Guids.written(Guids.toUuid(guid)));
    }

    QdaXmlWriter guid(String name, UUID guid) {
        return guid == null ? this : attribute(name, Guids.written(guid));
    }

    QdaXmlWriter time(String name, Instant time) {
        return attribute(name, time);
    }

    QdaXmlWriter end() {
        return step(writer::writeEndElement);
    }

    /** A child element holding only text; nothing when the text is null. */
    QdaXmlWriter textElement(String name, String text) {
        return text == null ? this : start(name).step(() -> writer.writeCharacters(XmlText.clean(text))).end();
    }

    /** A reference element, e.g. {@code <CodeRef targetGUID="…"/>}. */
    QdaXmlWriter ref(String name, String guid) {
        return empty(name).guid("targetGUID", guid);
    }

    @Override
    public void close() {
        step(() -> {
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        });
    }
}

package io.chorus.coding.exchange.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REFI-QDA code has one {@code Description}; a Chorus code has a definition, inclusion and exclusion criteria and an
 * example. They are written as one text with labelled paragraphs, which a tool shows as is and Chorus reads back.
 */
final class CodeDescriptions {

    static final String INCLUSION = "Include when: ";
    static final String EXCLUSION = "Exclude when: ";
    static final String EXAMPLE = "Example: ";
    private static final Pattern LABELS = Pattern.compile("\\n\\n(Include when: |Exclude when: |Example: )");

    record Parts(String definition, String inclusion, String exclusion, String example) {
    }

    private CodeDescriptions() {
    }

    static String join(String definition, String inclusion, String exclusion, String example) {
        StringBuilder text = new StringBuilder(definition == null ? "" : definition);
        Map<String, String> labelled = new LinkedHashMap<>();
        labelled.put(INCLUSION, inclusion);
        labelled.put(EXCLUSION, exclusion);
        labelled.put(EXAMPLE, example);
        labelled.forEach((label, value) -> {
            if (value != null && !value.isBlank()) {
                text.append(text.isEmpty() ? "" : "\n\n").append(label).append(value);
            }
        });
        return text.isEmpty() ? null : text.toString();
    }

    static Parts split(String description) {
        if (description == null || description.isBlank()) {
            return new Parts(null, null, null, null);
        }
        String text = "\n\n" + description.strip().replace("\r\n", "\n");
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher label = LABELS.matcher(text);
        int definitionEnd = text.length();
        String current = null;
        int from = 0;
        while (label.find()) {
            if (current == null) {
                definitionEnd = label.start();
            } else {
                parts.put(current, text.substring(from, label.start()).strip());
            }
            current = label.group(1);
            from = label.end();
        }
        if (current != null) {
            parts.put(current, text.substring(from).strip());
        }
        String definition = text.substring(0, definitionEnd).strip();
        return new Parts(definition.isEmpty() ? null : definition, parts.get(INCLUSION), parts.get(EXCLUSION), parts.get(EXAMPLE));
    }
}

package io.chorus.deploy;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes model classes keep a field they do not know in {@code additionalProperties} instead of failing: this
 * walks a read object and lists every such field by its path, so that a misspelt or misplaced field is caught.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static void collect(Object value, String path, List<String> unknown) throws Exception {
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    collect(item, path + "/" + i++, unknown);
                }
            } else if (value instanceof Map<?, ?> entries) {
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    collect(entry.getValue(), path + "/" + entry.getKey(), unknown);
                }
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(name -> unknown.add(path + "/" + name));
            } else if (!(field instanceof String) && !(field instanceof Number) && !(field instanceof Boolean)) {
                collect(field, path + "/" + getter.getName().substring(3, 4).toLowerCase() + getter.getName().substring(4), unknown);
            }
        }
    }
}

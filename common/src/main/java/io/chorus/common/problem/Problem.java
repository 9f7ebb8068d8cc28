package io.chorus.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details. {@code errors} carries one JSON pointer per offending body field; for a query,
 * path or header parameter the pointer is {@code /<name>} and {@code parameter} names it. {@code instance}
 * is the path of the request that was refused.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    public Problem at(String path) {
        return instance != null ? this : new Problem(type, title, status, detail, errors, path);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String pointer, String detail, String parameter) {

        public FieldError(String pointer, String detail) {
            this(pointer, detail, null);
        }

        public static FieldError parameter(String name, String detail) {
            return new FieldError("/" + name.replace("~", "~0").replace("/", "~1"), detail, name);
        }
    }
}

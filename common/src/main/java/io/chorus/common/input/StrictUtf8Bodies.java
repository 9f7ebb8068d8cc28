package io.chorus.common.input;

import io.chorus.common.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;

/** JSON and text bodies must be strict UTF-8: Jackson alone would accept overlong forms such as C0 AE for '.'. */
@Provider
public class StrictUtf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json") || type.getType().equals("text"))) {
            byte[] body = context.getInputStream().readAllBytes();
            try {
                InputText.strictUtf8(body);
            } catch (CharacterCodingException e) {
                throw new ProblemException(400, "Bad Request", "The body is not valid UTF-8 (invalid or overlong byte sequence)",
                        List.of(new io.chorus.common.problem.Problem.FieldError("", "not valid UTF-8")));
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}

package io.chorus.common.problem;

import java.util.List;

/** A client-visible failure, rendered as application/problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " does not exist or is not visible to you", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "Precondition Required",
                "Send If-Match with the ETag of the version you read; updates without it are refused",
                List.of(Problem.FieldError.parameter("If-Match", "required")));
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "Precondition Failed",
                "Someone changed this resource since you read it; read it again and reapply your change",
                List.of(Problem.FieldError.parameter("If-Match", "does not match the current ETag")));
    }

    public static ProblemException invalid(String pointer, String detail) {
        return new ProblemException(422, "Unprocessable Content", detail, List.of(new Problem.FieldError(pointer, detail)));
    }

    public static ProblemException badParameter(String name, String detail) {
        return new ProblemException(400, "Bad Request", detail, List.of(Problem.FieldError.parameter(name, detail)));
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}

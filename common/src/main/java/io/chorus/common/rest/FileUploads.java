package io.chorus.common.rest;

import io.chorus.common.problem.ProblemException;
import java.nio.file.Path;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * How every service takes a file: a multipart form with one part named {@code file}, which browsers send with
 * {@code FormData}, {@code curl -F file=@…} sends, and the generated Java and TypeScript clients send from a file. The
 * part is kept in a temporary file that is deleted after the request.
 */
public final class FileUploads {

    private FileUploads() {
    }

    /** The uploaded file, or a 422 naming the missing part. */
    public static Path required(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalid("/file", "Send the file as the multipart form's 'file' part");
        }
        return upload.uploadedFile();
    }
}

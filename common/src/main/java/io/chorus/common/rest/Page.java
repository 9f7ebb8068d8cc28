package io.chorus.common.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a listing: zero-based page number, page size, the total across all pages, and where a listing pages by
 * cursor, the cursor of the next page ({@code after=}).
 */
public record Page<T>(List<T> items, int page, int size,
        @Schema(description = "Items across all pages; null where the listing counts only when asked (total=true)") Long total,
        @Schema(description = "Pass as after= for the next page; null on the last page or where the listing has no cursor")
        String next) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }
}

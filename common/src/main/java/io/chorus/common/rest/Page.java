package io.chorus.common.rest;

import java.util.List;

/** One page of a listing: zero-based page number, page size and the total across all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
}

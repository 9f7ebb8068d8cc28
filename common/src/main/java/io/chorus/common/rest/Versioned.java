package io.chorus.common.rest;

/** A representation together with the row version its ETag is made from. */
public record Versioned<T>(T body, long version) {
}

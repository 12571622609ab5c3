package org.weightscope.source;

/** A page given up on after its retries: its number in the run, its URL and why. */
public record PageFailure(int page, String url, String reason) {}

package org.weightscope.catalogue;

/** One slice of an aggregated metric: the key (an organisation, an origin…) and its value. */
public record Share(String key, long value) {}

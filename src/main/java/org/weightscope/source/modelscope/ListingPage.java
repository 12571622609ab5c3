package org.weightscope.source.modelscope;

import java.util.List;

/** One page of the listing; {@code totalCount} is what the hub claims for the whole query. */
record ListingPage(List<ScopeModel> models, long totalCount) {}

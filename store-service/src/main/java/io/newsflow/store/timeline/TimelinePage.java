package io.newsflow.store.timeline;

import java.util.List;

/** One page of a timeline; {@code nextCursor} is null on the last page. */
public record TimelinePage(List<TimelineItem> items, String nextCursor) {}

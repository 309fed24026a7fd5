package io.newsflow.ingest.feed;

import java.time.Duration;
import java.util.List;

/** An operator's change to a feed's settings; a null field keeps the current value. The URL never changes. */
public record FeedUpdate(String title, List<String> tags, String language, String timeZone,
    Duration minPollInterval, Duration maxPollInterval) {}

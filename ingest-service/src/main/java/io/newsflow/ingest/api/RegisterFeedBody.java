package io.newsflow.ingest.api;

import java.util.List;

/** The body of {@code POST /internal/v1/feeds}; durations are ISO-8601 strings, checked by the controller. */
public record RegisterFeedBody(String url, String title, List<String> tags, String language, String timeZone,
    String minPollInterval, String maxPollInterval) {}

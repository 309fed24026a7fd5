package io.newsflow.ingest.api;

import java.util.List;

/** The body of {@code PATCH /internal/v1/feeds/{feedId}}: only the fields present change. */
public record UpdateFeedBody(String title, List<String> tags, String language, String timeZone,
    String minPollInterval, String maxPollInterval) {}

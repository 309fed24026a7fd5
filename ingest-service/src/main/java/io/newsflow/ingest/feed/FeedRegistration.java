package io.newsflow.ingest.feed;

import java.time.Duration;
import java.util.List;

/**
 * What an operator asks to register; everything but the URL is optional.
 *
 * @param url             feed URL, or the URL of a page announcing a feed
 * @param title           overrides the feed's own title
 * @param tags            operator tags
 * @param language        BCP 47 tag
 * @param timeZone        IANA zone for dates without an offset
 * @param minPollInterval lower poll bound
 * @param maxPollInterval upper poll bound
 */
public record FeedRegistration(String url, String title, List<String> tags, String language, String timeZone,
    Duration minPollInterval, Duration maxPollInterval) {}

package io.newsflow.ingest.feed;

/**
 * An item ingest has published, as remembered in the feed's cursor.
 *
 * @param identity     GUID, canonical link or content hash key, see {@link ItemIdentity}
 * @param articleId    the article id it was published under (kept when the link later changes)
 * @param canonicalUrl its canonical URL when published
 * @param feedHash     hash of what the feed said about it, to skip unchanged items without fetching
 * @param contentHash  content hash of the published text
 * @param revision     last published revision
 */
public record SeenItem(String identity, String articleId, String canonicalUrl, String feedHash, String contentHash, int revision) {}

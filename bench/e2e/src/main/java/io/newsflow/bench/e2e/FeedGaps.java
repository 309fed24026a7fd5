package io.newsflow.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.json.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks ingest's gap signal against what the harness knows. When a feed turns its window over between two polls,
 * the items in between are never fetched; the harness sees them missing from the enriched topic, while ingest can
 * only suspect it (a poll whose whole window was new) and says so in each feed's health ({@code suspectedGaps}).
 * A signal worth having flags the feeds that lost items and few others.
 */
final class FeedGaps {

  /**
   * @param feedsWithLosses  feeds with at least one released item never fetched
   * @param flaggedOfThose   of those, feeds whose health reports a suspected gap
   * @param flaggedNoLoss    feeds that report a suspected gap but lost nothing
   * @param itemsLost        released items never fetched, all feeds
   * @param gapPolls         polls ingest counted as suspected gaps, all feeds
   * @param reported         whether ingest's feed health has the field at all (older builds do not)
   * @param unmatched        corpus feeds not found in ingest's list by their URL
   * @param missed           up to 5 feeds that lost items without a suspected gap: URL and items lost
   */
  record Result(int feedsWithLosses, int flaggedOfThose, int flaggedNoLoss, int itemsLost, long gapPolls, boolean reported,
      int unmatched, Map<String, Integer> missed) {}

  private FeedGaps() {}

  static Result compare(HttpClient http, String ingest, FeedServer feeds, Corpus corpus, Probe probe) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingest + "/internal/v1/feeds"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("ingest's feed list answered " + r.statusCode());
    }
    Map<String, Long> gapsByUrl = new HashMap<>();
    boolean reported = false;
    for (JsonNode feed : EventJson.mapper().readTree(r.body())) {
      JsonNode gaps = feed.path("health").path("suspectedGaps");
      reported |= !gaps.isMissingNode();
      gapsByUrl.put(feed.path("url").asText(), gaps.asLong(0));
    }
    int withLosses = 0;
    int flaggedOfThose = 0;
    int flaggedNoLoss = 0;
    int itemsLost = 0;
    long gapPolls = 0;
    int unmatched = 0;
    Map<String, Integer> missed = new LinkedHashMap<>();
    for (int feed = 0; feed < corpus.feeds(); feed++) {
      int lost = 0;
      for (int index : corpus.articlesOf(feed)) {
        if (!probe.seen.containsKey(index)) {
          lost++;
        }
      }
      Long listed = gapsByUrl.get(feeds.feedUrl(feed));
      unmatched += listed == null ? 1 : 0;
      long gaps = listed == null ? 0 : listed;
      itemsLost += lost;
      gapPolls += gaps;
      if (lost > 0) {
        withLosses++;
        flaggedOfThose += gaps > 0 ? 1 : 0;
        if (gaps == 0 && missed.size() < 5) {
          missed.put(feeds.feedUrl(feed), lost);
        }
      } else if (gaps > 0) {
        flaggedNoLoss++;
      }
    }
    return new Result(withLosses, flaggedOfThose, flaggedNoLoss, itemsLost, gapPolls, reported, unmatched, missed);
  }
}

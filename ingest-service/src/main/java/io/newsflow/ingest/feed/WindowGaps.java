package io.newsflow.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * Whether a poll suspects a gap: items published and rotated out of the feed's window since the last
 * poll, so never seen by us. No feed says what it dropped; the evidence is a window with no overlap.
 * When every item of a document of at least {@link #MIN_WINDOW} items is new (no item matched a
 * remembered one by identity or canonical link, as {@link ItemChangeDetector} matches them), at least a
 * whole window appeared since the last poll and more may have come and gone.
 *
 * <p>Not suspected: on a feed's first poll (nothing remembered to overlap with) and on a 304 (nothing
 * new). Nor when the oldest dated item of this poll is older than the newest date seen before: then
 * the items are not new but renamed (a feed that changed its GUIDs and link scheme at once), and
 * nothing can have been lost between polls. Without dates on either side, the identities decide alone.
 * Windows of one or two items are "latest post" badges rather than feeds with a history: turning over
 * is their normal state, and reporting it would fire on most polls and tell the operator nothing.
 */
final class WindowGaps {

  static final int MIN_WINDOW = 3;

  private WindowGaps() {}

  /**
   * @param before      the feed's cursor before this poll
   * @param items       the items of this poll's document
   * @param knownItems  how many of them matched an item remembered in {@code before}
   * @param now         when the poll started, to judge which dates are plausible
   */
  static boolean suspected(FeedCursor before, List<ParsedItem> items, int knownItems, Instant now) {
    if (before.items().isEmpty() || items.size() < MIN_WINDOW || knownItems > 0) {
      return false;
    }
    Instant newestBefore = before.health().newestItemAt();
    List<Instant> dates = ItemDates.plausible(items, now);
    // not before, rather than after: feeds date items to the second or the minute, so on a busy feed the oldest item
    // of a gap's window often shares its stamp with the newest item seen before
    return newestBefore == null || dates.isEmpty() || !dates.getFirst().isBefore(newestBefore);
  }
}

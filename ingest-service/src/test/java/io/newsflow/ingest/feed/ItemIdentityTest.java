package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemIdentityTest {

  static ParsedItem item(String guid, String link, String title) {
    return new ParsedItem(guid, link, title, "summary of " + title, null, null, null, null, null);
  }

  @Test
  void prefersTheGuidThenTheCanonicalLinkThenAContentHash() {
    List<String> ids = ItemIdentity.assign(List.of(
        item("tag:x,2024:1", "https://x.example/a", "A"),
        item(null, "https://x.example/b?utm_source=rss", "B"),
        item(null, null, "C")));
    assertThat(ids.get(0)).isEqualTo("guid:tag:x,2024:1");
    assertThat(ids.get(1)).isEqualTo("url:https://x.example/b");
    assertThat(ids.get(2)).startsWith("hash:");
  }

  @Test
  void aGuidRepeatedForDifferentLinksIdentifiesNothing() {
    List<String> ids = ItemIdentity.assign(List.of(
        item("https://x.example/", "https://x.example/news/1", "One"),
        item("https://x.example/", "https://x.example/news/2", "Two")));
    assertThat(ids).containsExactly("url:https://x.example/news/1", "url:https://x.example/news/2");
  }

  @Test
  void feedHashChangesWithTheItemsContentOnly() {
    assertThat(ItemIdentity.feedHash(item("g", "https://x.example/a", "A")))
        .isEqualTo(ItemIdentity.feedHash(item("other-guid", "https://x.example/a", "A")))
        .isNotEqualTo(ItemIdentity.feedHash(item("g", "https://x.example/a", "A, corrected")));
  }
}

package io.newsflow.ingest.api;

import io.newsflow.ingest.feed.FeedRegistration;
import io.newsflow.ingest.feed.FeedService;
import io.newsflow.ingest.feed.InvalidFeedException;
import io.newsflow.ingest.feed.Opml;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** OPML export and import of the feed registry. Import registers each outline like {@code POST /feeds} would. */
@RestController
@RequestMapping("/internal/v1/feeds/opml")
class OpmlController {

  /** What an import did: counts and, per refused outline, why. */
  record ImportResult(int registered, int existing, List<Refused> refused) {}

  /** An outline that was not registered. */
  record Refused(String url, String category, String detail) {}

  private final FeedService feeds;

  OpmlController(FeedService feeds) {
    this.feeds = feeds;
  }

  @GetMapping(produces = {"text/x-opml", MediaType.APPLICATION_XML_VALUE})
  ResponseEntity<String> export() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/x-opml;charset=UTF-8")).body(Opml.write(feeds.list()));
  }

  @PostMapping(consumes = MediaType.ALL_VALUE)
  ImportResult importOpml(@RequestBody byte[] body) {
    List<Opml.Outline> outlines;
    try {
      outlines = Opml.read(body);
    } catch (IllegalArgumentException e) {
      throw new InvalidFeedException("", "invalid", e.getMessage());
    }
    int registered = 0;
    int existing = 0;
    List<Refused> refused = new ArrayList<>();
    for (Opml.Outline o : outlines) {
      try {
        FeedService.Registered r = feeds.register(new FeedRegistration(o.xmlUrl(), o.title(), o.tags(), o.language(), null, null, null));
        if (r.existed()) {
          existing++;
        } else {
          registered++;
        }
      } catch (InvalidFeedException e) {
        refused.add(new Refused(o.xmlUrl(), e.category(), e.getMessage()));
      }
    }
    return new ImportResult(registered, existing, refused);
  }
}

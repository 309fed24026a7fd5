package io.newsflow.store.api;

import io.newsflow.store.actor.ActorDirectory;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/actors?q=&limit=}: actors seen in stored articles whose name or alias has a word
 * starting with each word of {@code q}; without {@code q}, the actors with the most articles.
 */
@RestController
@RequestMapping("/internal/v1")
public class ActorController {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  static final int MAX_QUERY_LENGTH = 100;

  private final ActorDirectory directory;

  public ActorController(ActorDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/actors")
  public List<ActorDirectory.ActorMatch> actors(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String limit) {
    int n = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    if (q == null || q.isBlank()) {
      return directory.top(n);
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new InvalidParameterException("q", q.substring(0, 40) + "…", "at most " + MAX_QUERY_LENGTH + " characters");
    }
    return directory.search(q, n);
  }
}

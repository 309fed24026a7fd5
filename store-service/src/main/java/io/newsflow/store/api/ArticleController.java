package io.newsflow.store.api;

import io.newsflow.store.article.ArticleReader;
import io.newsflow.store.article.ArticleView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One article ({@code /articles/{articleId}}) and one story ({@code /stories/{storyId}}). */
@RestController
@RequestMapping("/internal/v1")
public class ArticleController {

  private final ArticleReader reader;

  public ArticleController(ArticleReader reader) {
    this.reader = reader;
  }

  @GetMapping("/stories/{storyId}")
  public ArticleReader.StoryView story(@PathVariable String storyId) {
    String id = QueryParams.id("storyId", storyId);
    return reader.story(id).orElseThrow(() -> new NotFoundException("story", id));
  }

  @GetMapping("/articles/{articleId}")
  public ArticleView article(@PathVariable String articleId) {
    String id = QueryParams.id("articleId", articleId);
    return reader.find(id).orElseThrow(() -> new NotFoundException("article", id));
  }
}

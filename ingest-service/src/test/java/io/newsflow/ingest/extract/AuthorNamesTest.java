package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorNamesTest {

  @Test
  void splitsBylinesIntoNamesAndDropsWhatIsNotAName() {
    assertThat(AuthorNames.clean(List.of("By Aigerim Toleukhanova and Joanna Lillis")))
        .containsExactly("Aigerim Toleukhanova", "Joanna Lillis");
    assertThat(AuthorNames.clean(List.of("https://x.example/author/a", "@steppe_news", "12 September 2024",
        "Reuters Staff", "reuters staff"))).containsExactly("Reuters Staff");
    assertThat(AuthorNames.clean(List.of("Автор: Айгерим Тулеуова"))).containsExactly("Айгерим Тулеуова");
  }

  @Test
  void titleLosesItsSiteSuffixButNotItsOwnDashes() {
    assertThat(TitleCleaner.clean("Kazakhstan diverts more oil east | Eurasia Wire", null))
        .isEqualTo("Kazakhstan diverts more oil east");
    assertThat(TitleCleaner.clean("Reuters - Kyrgyz-Tajik border talks stall again", null))
        .isEqualTo("Kyrgyz-Tajik border talks stall again");
    assertThat(TitleCleaner.clean("Kyrgyz-Tajik border talks stall", null)).isEqualTo("Kyrgyz-Tajik border talks stall");
  }
}

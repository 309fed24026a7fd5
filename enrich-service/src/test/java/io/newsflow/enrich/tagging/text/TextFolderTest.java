package io.newsflow.enrich.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFolderTest {

  @Test
  void foldsCaseDiacriticsAndTypographyWithoutChangingOffsets() {
    String text = "Erdoğan’s TÜRKİYE — Ёлка, Қазақстан";

    String folded = TextFolder.fold(text);

    assertThat(folded).hasSameSizeAs(text);
    assertThat(folded).isEqualTo("erdogan's turkiye - елка, қазақстан");
  }
}

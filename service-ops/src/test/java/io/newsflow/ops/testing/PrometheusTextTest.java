package io.newsflow.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String SCRAPE = """
      # HELP newsflow_articles_total Articles by pipeline stage
      # TYPE newsflow_articles_total counter
      newsflow_articles_total{application="store-service",stage="stored"} 12.0
      newsflow_articles_total{application="store-service",stage="replayed"} 3.0
      newsflow_articles_total_created{application="store-service",stage="stored"} 1.764270123E9
      # TYPE newsflow_store_articles gauge
      newsflow_store_articles NaN
      newsflow_enrich_latency_seconds_count{application="enrich-service"} 2
      newsflow_enrich_latency_seconds_sum{application="enrich-service"} 0.031
      """;

  @Test
  void readsTheSampleWhoseLabelsMatch() {
    assertThat(PrometheusText.value(SCRAPE, "newsflow_articles_total", "stage=\"replayed\"")).isEqualTo(3.0);
    assertThat(PrometheusText.value(SCRAPE, "newsflow_articles_total", "stage=\"stored\"")).isEqualTo(12.0);
  }

  @Test
  void doesNotTakeALongerNameThatStartsTheSame() {
    assertThat(PrometheusText.value(SCRAPE, "newsflow_enrich_latency_seconds_count", "")).isEqualTo(2.0);
    assertThat(PrometheusText.value(SCRAPE, "newsflow_articles", "")).as("only newsflow_articles_total* exist").isZero();
  }

  @Test
  void anAbsentSampleReadsAsZeroAndNaNStaysNaN() {
    assertThat(PrometheusText.value(SCRAPE, "newsflow_articles_total", "stage=\"dead\"")).isZero();
    assertThat(PrometheusText.value(SCRAPE, "newsflow_store_articles", "")).isNaN();
  }
}

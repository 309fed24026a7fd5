package io.newsflow.store.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

class StorePropertiesTest {

  @Test
  void writeConcernNamesMapToTheDriversValues() {
    assertThat(WriteConcerns.parse("majority")).isEqualTo(WriteConcern.MAJORITY);
    assertThat(WriteConcerns.parse("Acknowledged")).isEqualTo(WriteConcern.ACKNOWLEDGED);
    assertThat(WriteConcerns.parse("2")).isEqualTo(new WriteConcern(2));
  }

  @Test
  void unacknowledgedOrUnknownWriteConcernIsRefusedAtStartUp() {
    assertThatThrownBy(() -> WriteConcerns.parse("0")).hasMessageContaining("newsflow.store.write-concern");
    assertThatThrownBy(() -> WriteConcerns.parse("fast")).hasMessageContaining("'fast'");
  }

  @Test
  void mongodbUriMustBeAMongodbUri() {
    assertThatThrownBy(() -> new StoreProperties("http://db:27017", "majority", "g",
        new StoreProperties.Retry(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(30), 2, 5),
        new StoreProperties.Retention(null, java.time.Duration.ofHours(1)), new StoreProperties.Timeline(20000),
        new StoreProperties.Actors(java.time.Duration.ofSeconds(30))))
        .hasMessageContaining("mongodb://");
  }

  @Test
  void everyKeyIsSettableByEnvironmentVariable() {
    org.springframework.core.env.StandardEnvironment env = new org.springframework.core.env.StandardEnvironment();
    env.getPropertySources().replace(org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new org.springframework.core.env.SystemEnvironmentPropertySource(org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        java.util.Map.of("NEWSFLOW_STORE_WRITE_CONCERN", "majority", "NEWSFLOW_STORE_RETENTION_MAX_AGE", "30d",
            "NEWSFLOW_STORE_TIMELINE_MAX_SCANNED_ITEMS", "5000", "NEWSFLOW_STORE_RETRY_MAX_INTERVAL", "1m",
            "NEWSFLOW_STORE_ACTORS_REFRESH_INTERVAL", "5s", "NEWSFLOW_STORE_RETRY_ISOLATE_AFTER", "3")));
    StoreProperties p = org.springframework.boot.context.properties.bind.Binder.get(env)
        .bindOrCreate("newsflow.store", StoreProperties.class);

    assertThat(p.writeConcern()).isEqualTo("majority");
    assertThat(p.retention().maxAge()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(p.retention().isEnabled()).isTrue();
    assertThat(p.timeline().maxScannedItems()).isEqualTo(5000);
    assertThat(p.retry().maxInterval()).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(p.retry().isolateAfter()).isEqualTo(3);
    assertThat(p.actors().refreshInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(p.mongodbUri()).isEqualTo("mongodb://127.0.0.1:27017/newsflow");
  }

  @Test
  void retentionIsOffByDefault() {
    StoreProperties p = org.springframework.boot.context.properties.bind.Binder.get(
        new org.springframework.core.env.StandardEnvironment()).bindOrCreate("newsflow.store", StoreProperties.class);
    assertThat(p.retention().isEnabled()).isFalse();
    assertThat(p.writeConcern()).isEqualTo("acknowledged");
  }
}

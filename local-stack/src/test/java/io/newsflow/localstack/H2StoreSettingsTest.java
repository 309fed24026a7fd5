package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreSettingsTest {

  @Test
  void unsetKeysTakeTheTunedDefaultsAndZeroKeepsH2sOwn() {
    assertThat(H2StoreSettings.from(Map.<String, String>of()::get)).isEqualTo(H2StoreSettings.DEFAULTS);
    assertThat(H2StoreSettings.from(Map.of("cacheMb", "64", "compactFillRate", "0")::get))
        .isEqualTo(new H2StoreSettings(64, 0, H2StoreSettings.DEFAULTS.commitBufferKb()));
  }

  @Test
  void typedStorageIsOnUnlessTurnedOffAndOnlyTrueOrFalseIsAccepted() {
    assertThat(H2StoreSettings.DEFAULTS.typedStorage()).isTrue();
    assertThat(H2StoreSettings.from(Map.of("typedStorage", " FALSE ")::get).typedStorage()).isFalse();
    assertThatThrownBy(() -> H2StoreSettings.from(Map.of("typedStorage", "no")::get))
        .hasMessageContaining("typedStorage").hasMessageContaining("'no'");
  }

  @Test
  void aBadValueIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> H2StoreSettings.from(Map.of("cacheMb", "lots")::get))
        .hasMessageContaining("cacheMb").hasMessageContaining("lots");
    assertThatThrownBy(() -> H2StoreSettings.from(Map.of("compactFillRate", "120")::get)).hasMessageContaining("0-100");
  }

  @Test
  void aStoreOpenedWithTheSettingsKeepsItsDataAcrossAReopen(@TempDir Path dir) {
    String file = dir.resolve("t.mv").toString();
    try (MVStore store = new H2StoreSettings(32, 40, 2048).open(file)) {
      assertThat(store.getCacheSize()).isEqualTo(32);
      MVMap<String, String> map = store.openMap("m");
      map.put("all|2026-11-27T16", "page");
    }
    try (MVStore store = H2StoreSettings.DEFAULTS.open(file)) {
      assertThat(store.<String, String>openMap("m").get("all|2026-11-27T16")).isEqualTo("page");
    }
  }
}

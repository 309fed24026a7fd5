package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

  @Test
  void readsRolesAndKeysAndKnowsThemOnlyByHash() {
    ApiKeys keys = ApiKeys.parse(" operator:KEY1-aaaaaaaaaaaaaaaa , reader:KEY2-bbbbbbbbbbbbbbbb");

    assertThat(keys.identify("KEY1-aaaaaaaaaaaaaaaa")).hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(Role.OPERATOR));
    assertThat(keys.identify("KEY2-bbbbbbbbbbbbbbbb")).hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(Role.READER));
    assertThat(keys.identify("KEY3-cccccccccccccccc")).isEmpty();
    assertThat(keys.toString()).doesNotContain("KEY1").isEqualTo("ApiKeys[2 keys]");
  }

  @Test
  void anEmptySettingMeansNoKeys() {
    assertThat(ApiKeys.parse("").isEmpty()).isTrue();
    assertThat(ApiKeys.parse(null).isEmpty()).isTrue();
  }

  @Test
  void rejectsBadEntriesWithoutEchoingTheKey() {
    assertThatThrownBy(() -> ApiKeys.parse("admin:secret-secret-secret-1"))
        .hasMessageContaining("entry 1").hasMessageContaining("admin").hasMessageNotContaining("secret-secret");
    assertThatThrownBy(() -> ApiKeys.parse("reader:KEY2-bbbbbbbbbbbbbbbb,operator:short"))
        .hasMessageContaining("entry 2").hasMessageNotContaining("short,");
    assertThatThrownBy(() -> ApiKeys.parse("justakeywithnorole12345"))
        .hasMessageContaining("not role:key").hasMessageNotContaining("justakey");
  }

  @Test
  void anOperatorMayDoWhatAReaderMay() {
    assertThat(Role.OPERATOR.allows(Role.READER)).isTrue();
    assertThat(Role.READER.allows(Role.OPERATOR)).isFalse();
  }
}

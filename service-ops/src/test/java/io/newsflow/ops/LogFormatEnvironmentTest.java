package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LogFormatEnvironmentTest {

  private static final String STRUCTURED = "logging.structured.format.console";

  @Test
  void jsonTurnsOnLogstashLinesAndTextLeavesPlainLogging() {
    assertThat(apply(Map.of("newsflow.log-format", "JSON ")).getProperty(STRUCTURED)).isEqualTo("logstash");
    assertThat(apply(Map.of("newsflow.log-format", "text")).getProperty(STRUCTURED)).isNull();
    assertThat(apply(Map.of()).getProperty(STRUCTURED)).isNull();
  }

  @Test
  void anExplicitSpringBootSettingWins() {
    var environment = apply(Map.of("newsflow.log-format", "json", STRUCTURED, "ecs"));
    assertThat(environment.getProperty(STRUCTURED)).isEqualTo("ecs");
  }

  @Test
  void aMistypedFormatStopsStartUpNamingTheVariable() {
    assertThatThrownBy(() -> apply(Map.of("newsflow.log-format", "jsn")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NEWSFLOW_LOG_FORMAT")
        .hasMessageContaining("'jsn'");
  }

  private static StandardEnvironment apply(Map<String, Object> properties) {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    new LogFormatEnvironment().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}

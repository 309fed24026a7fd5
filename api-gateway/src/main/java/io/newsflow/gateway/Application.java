package io.newsflow.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the gateway: the only public entry point of newsflow. */
@OpenAPIDefinition(info = @Info(
    title = "newsflow public API",
    version = "v1",
    description = "Timelines of de-duplicated, actor- and theme-tagged news; feed administration; live stream."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key",
    description = "A key from NEWSFLOW_API_KEYS. Feed administration needs the operator role; reads need a key only "
        + "when NEWSFLOW_READS_REQUIRE_KEY is true.")
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}

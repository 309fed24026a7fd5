package io.newsflow.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.GatewayTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class DashboardAndDocsTest extends GatewayTest {

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "micronaut.server.cors.enabled", "true",
        "micronaut.server.cors.configurations.web.allowed-origins-regex", "^https://desk\\.newsflow\\.example$");
  }

  @Test
  void servesTheDashboardWithAStrictContentSecurityPolicy() {
    HttpResponse<String> page = http.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<script src=\"/dashboard/app.js\"></script>").doesNotContain("<script>");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void servesTheDashboardAssetsFromTheJar() {
    HttpResponse<String> script = http.get("/dashboard/app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("textContent").doesNotContain("innerHTML =");
    assertThat(http.get("/dashboard/chart.js").statusCode()).isEqualTo(200);
    assertThat(http.get("/dashboard/app.css").statusCode()).isEqualTo(200);
  }

  @Test
  void servesTheGeneratedOpenApiDocumentAndItsBundledUi() {
    HttpResponse<String> spec = http.get("/openapi/newsflow-public-api-v1.yml");
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).contains("openapi: 3").contains("/api/v1/timeline:").contains("/api/v1/feeds/{feedId}/pause:")
        .contains("/api/v1/live:")
        // the actor search documents what it answers, for clients building a picker
        .contains("/api/v1/actors:").contains("ActorMatch:").contains("articleCount");

    HttpResponse<String> ui = http.get("/api-docs");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("/api-docs/ui/swagger-ui-bundle.js").doesNotContain("https://");
    assertThat(http.get("/api-docs/ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
  }

  @Test
  void answersCorsPreflightOnlyForTheConfiguredOrigin() {
    HttpResponse<String> allowed = http.options("/api/v1/timeline", "Origin", "https://desk.newsflow.example",
        "Access-Control-Request-Method", "GET");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://desk.newsflow.example");

    HttpResponse<String> other = http.options("/api/v1/timeline", "Origin", "https://evil.example",
        "Access-Control-Request-Method", "GET");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}

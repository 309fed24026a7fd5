package io.newsflow.gateway.dashboard;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the dashboard's page at {@code /}; its scripts and styles are static resources under {@code /dashboard/}. */
@Controller
@Hidden
final class DashboardController {

  private final byte[] index;
  private final byte[] apiDocs;

  DashboardController() {
    this.index = read("dashboard/index.html");
    this.apiDocs = read("dashboard/api-docs.html");
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<byte[]> index() {
    return HttpResponse.ok(index).header("Cache-Control", "no-cache");
  }

  /** Browsable API documentation: the bundled Swagger UI over the OpenAPI document generated at build time. */
  @Get(value = "/api-docs", produces = MediaType.TEXT_HTML)
  HttpResponse<byte[]> apiDocs() {
    return HttpResponse.ok(apiDocs).header("Cache-Control", "no-cache");
  }

  private static byte[] read(String resource) {
    try (InputStream in = DashboardController.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " in the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

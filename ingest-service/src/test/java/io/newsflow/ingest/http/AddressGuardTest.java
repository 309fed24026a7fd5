package io.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
      "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.251", "239.255.255.250", "255.255.255.255", "192.0.0.8",
      "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1",
      "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "::7f00:1"})
  void refusesNonPublicAddresses(String literal) throws Exception {
    assertThat(AddressGuard.refusalReason(InetAddress.getByName(literal))).as(literal).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "93.184.215.14", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2a00:1450:4001:82a::200e", "::ffff:8.8.4.4"})
  void acceptsPublicAddresses(String literal) throws Exception {
    assertThat(AddressGuard.refusalReason(InetAddress.getByName(literal))).as(literal).isNull();
  }

  @Test
  void refusesLoopbackByNameAfterResolution() {
    AddressGuard guard = new AddressGuard(false, List.of());
    assertThatThrownBy(() -> guard.resolve("localhost", 80))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("localhost").hasMessageContaining("loopback");
  }

  @Test
  void allowListNamesAHostOrAHostAndPort() throws Exception {
    AddressGuard byHostAndPort = new AddressGuard(false, List.of(" 127.0.0.1:8089 "));
    assertThat(byHostAndPort.resolve("127.0.0.1", 8089)).hasSize(1);
    assertThatThrownBy(() -> byHostAndPort.resolve("127.0.0.1", 8090)).isInstanceOf(BlockedAddressException.class);

    AddressGuard byHost = new AddressGuard(false, List.of("LOCALHOST"));
    assertThat(byHost.resolve("localhost", 1234)).isNotEmpty();
  }

  @Test
  void allowPrivateLiftsTheGuard() throws Exception {
    assertThat(new AddressGuard(true, List.of()).resolve("127.0.0.1", 80)).hasSize(1);
  }

  @Test
  void refusesOtherSchemes() {
    for (String url : List.of("file:///etc/passwd", "ftp://example.com/feed", "gopher://127.0.0.1:6379/_INFO", "jar:http://x/!/")) {
      assertThatThrownBy(() -> AddressGuard.checkScheme(URI.create(url)))
          .as(url).isInstanceOf(FetchException.class)
          .satisfies(e -> assertThat(((FetchException) e).category()).isEqualTo(FailureCategory.BLOCKED));
    }
  }
}

package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private static final InetSocketAddress PROXY = new InetSocketAddress("10.1.2.3", 40112);
  private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.20", 40112);

  @Test
  void ignoresTheHeaderWhenNoProxyIsTrusted() {
    ClientAddress none = ClientAddress.trusting("");
    assertThat(none.resolve(PROXY, "203.0.113.7")).isEqualTo("10.1.2.3");
    assertThat(none.trustsAnyone()).isFalse();
  }

  @Test
  void ignoresTheHeaderFromAPeerThatIsNotATrustedProxy() {
    ClientAddress trusted = ClientAddress.trusting("10.0.0.0/8");
    assertThat(trusted.resolve(STRANGER, "203.0.113.7")).isEqualTo("198.51.100.20");
  }

  @Test
  void takesTheAddressTheTrustedProxySaw() {
    assertThat(ClientAddress.trusting("10.0.0.0/8").resolve(PROXY, "203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void readsTheChainFromTheRightAndStopsAtTheFirstUntrustedHop() {
    ClientAddress trusted = ClientAddress.trusting("10.0.0.0/8, 192.168.5.5");
    // the client wrote "1.1.1.1" itself to dodge its limit; 203.0.113.7 is what the first trusted proxy saw
    assertThat(trusted.resolve(PROXY, "1.1.1.1, 203.0.113.7, 192.168.5.5, 10.9.9.9")).isEqualTo("203.0.113.7");
  }

  @Test
  void stopsAtAGarbledEntryAndTrustsNothingLeftOfIt() {
    ClientAddress trusted = ClientAddress.trusting("10.0.0.0/8");
    assertThat(trusted.resolve(PROXY, "203.0.113.7, evil.example, 10.2.2.2")).isEqualTo("10.2.2.2");
    assertThat(trusted.resolve(PROXY, "not-an-address")).isEqualTo("10.1.2.3");
  }

  @Test
  void acceptsIpv6AndPortsAndNeverLooksUpNames() {
    ClientAddress trusted = ClientAddress.trusting("10.0.0.0/8, fd00::/8");
    assertThat(trusted.resolve(PROXY, "[2001:db8::7]:443")).isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(trusted.resolve(PROXY, "203.0.113.9:51000")).isEqualTo("203.0.113.9");
    assertThat(trusted.resolve(new InetSocketAddress("fd00::1", 1), "2001:db8::8")).isEqualTo("2001:db8:0:0:0:0:0:8");
    assertThat(ClientAddress.parse("localhost")).isNull();
  }

  @Test
  void refusesAnEntryThatIsNoAddressOrCidr() {
    assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/8, proxy.internal"))
        .hasMessageContaining("NEWSFLOW_TRUSTED_PROXIES").hasMessageContaining("proxy.internal");
    assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/40")).hasMessageContaining("prefix length");
  }
}

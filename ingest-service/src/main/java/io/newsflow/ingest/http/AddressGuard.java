package io.newsflow.ingest.http;

import io.newsflow.ingest.config.IngestProperties;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The SSRF guard. It is the HTTP client's DNS resolver, so the addresses it checks are exactly the
 * ones the client then connects to (no window for DNS rebinding between check and connect), and it
 * runs again for every redirect hop because each hop resolves its host anew.
 */
public final class AddressGuard implements DnsResolver {

  private final boolean allowPrivate;
  private final Set<String> allowedHosts;

  public AddressGuard(boolean allowPrivate, List<String> allowedHosts) {
    this.allowPrivate = allowPrivate;
    this.allowedHosts = allowedHosts == null ? Set.of() : allowedHosts.stream()
        .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  public static AddressGuard from(IngestProperties.Http http) {
    return new AddressGuard(http.allowPrivateFeeds(), http.allowedHosts());
  }

  /** Refuses non-http(s) URLs and URLs without a host; addresses are checked later, at resolution. */
  public static void checkScheme(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(uri.toString(), FailureCategory.BLOCKED, "only http and https URLs are fetched", null);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException(uri.toString(), FailureCategory.BLOCKED, "URL has no host", null);
    }
  }

  /** Resolves the host and refuses it unless every address is public or the host is allowed. */
  public List<InetAddress> resolveChecked(String host, int port) throws UnknownHostException {
    String bare = stripBrackets(host);
    InetAddress[] addresses = InetAddress.getAllByName(bare);
    if (allowPrivate || isAllowedHost(bare, port)) {
      return List.of(addresses);
    }
    // all-or-nothing: a name that mixes public and private records is an attack, not a misconfiguration
    for (InetAddress address : addresses) {
      String reason = refusalReason(address);
      if (reason != null) {
        throw new BlockedAddressException(bare, address.getHostAddress(), reason);
      }
    }
    return List.of(addresses);
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return resolveChecked(host, -1).toArray(InetAddress[]::new);
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetSocketAddress> out = new ArrayList<>();
    for (InetAddress address : resolveChecked(host, port)) {
      out.add(new InetSocketAddress(address, port));
    }
    return out;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return resolve(host)[0].getCanonicalHostName();
  }

  private boolean isAllowedHost(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    return allowedHosts.contains(h) || (port > 0 && allowedHosts.contains(h + ":" + port));
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** Why an address must not be fetched, or null when it is a public unicast address. */
  static String refusalReason(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      InetAddress embedded = embeddedIpv4(b);
      if (embedded != null) {
        String reason = refusalReason(embedded);
        return reason == null ? null : "IPv4-mapped " + reason;
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique local";
      }
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address instanceof Inet4Address v4) {
      byte[] b = v4.getAddress();
      int a0 = b[0] & 0xff;
      int a1 = b[1] & 0xff;
      if (a0 == 0) {
        return "this network";
      }
      if (a0 == 100 && (a1 & 0xc0) == 64) {
        return "carrier-grade NAT";
      }
      if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
        return "IETF protocol assignments";
      }
      if (a0 == 198 && (a1 == 18 || a1 == 19)) {
        return "benchmarking";
      }
      if (a0 >= 240) {
        return "reserved or broadcast";
      }
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 address. */
  private static InetAddress embeddedIpv4(byte[] b) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) {
      firstTenZero &= b[i] == 0;
    }
    boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    if (!mapped && !compatible && !nat64) {
      return null;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}

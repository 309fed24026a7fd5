package io.newsflow.gateway.security;

import io.micronaut.core.annotation.Nullable;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is, for per-address rate limits. {@code X-Forwarded-For} is believed only when the
 * connection comes from a configured trusted proxy ({@code NEWSFLOW_TRUSTED_PROXIES}, CIDRs; none by
 * default), since anyone can send the header. Then the chain is read from the right, past every
 * trusted proxy, and the first address that is not one is the client: entries further left were
 * written by the client itself and prove nothing. Netty's subnet rule does the CIDR matching.
 */
public final class ClientAddress {

  private final List<IpSubnetFilterRule> trusted;

  private ClientAddress(List<IpSubnetFilterRule> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /**
   * @param cidrs comma-separated, for example {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; a bare
   *              address is one host
   * @throws IllegalArgumentException naming the entry that is not an IP address or CIDR
   */
  public static ClientAddress trusting(@Nullable String cidrs) {
    List<IpSubnetFilterRule> rules = new ArrayList<>();
    if (cidrs != null) {
      for (String entry : cidrs.split(",")) {
        String cidr = entry.strip();
        if (!cidr.isEmpty()) {
          rules.add(rule(cidr));
        }
      }
    }
    return new ClientAddress(rules);
  }

  /** The client's address as text: the connection's peer, or from X-Forwarded-For when the peer is trusted. */
  public String resolve(InetSocketAddress peer, @Nullable String forwardedFor) {
    String peerText = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
    if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer.getAddress())) {
      return peerText;
    }
    String[] hops = forwardedFor.split(",");
    String client = peerText;
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = parse(hops[i]);
      if (hop == null) {
        return client; // a garbled entry: trust nothing to its left
      }
      client = hop.getHostAddress();
      if (!isTrusted(hop)) {
        return client;
      }
    }
    return client; // every hop is a trusted proxy: the leftmost is as close to the client as we get
  }

  public boolean trustsAnyone() {
    return !trusted.isEmpty();
  }

  private boolean isTrusted(@Nullable InetAddress address) {
    if (address == null) {
      return false;
    }
    InetSocketAddress socket = new InetSocketAddress(address, 0);
    return trusted.stream().anyMatch(rule -> rule.matches(socket));
  }

  /** An IP literal (never a host name: no DNS lookup on request input), with an optional port or brackets. */
  static @Nullable InetAddress parse(String text) {
    String s = text.strip();
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      s = close > 0 ? s.substring(1, close) : s;
    } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      s = s.substring(0, s.indexOf(':')); // IPv4 with a port
    }
    return NetUtil.createInetAddressFromIpAddressString(s);
  }

  private static IpSubnetFilterRule rule(String cidr) {
    int slash = cidr.indexOf('/');
    InetAddress address = parse(slash < 0 ? cidr : cidr.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("NEWSFLOW_TRUSTED_PROXIES: '" + cidr + "' is not an IP address or CIDR");
    }
    int maxBits = address.getAddress().length * 8;
    int bits;
    try {
      bits = slash < 0 ? maxBits : Integer.parseInt(cidr.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("NEWSFLOW_TRUSTED_PROXIES: '" + cidr + "' has no prefix length after /");
    }
    if (bits < 0 || bits > maxBits) {
      throw new IllegalArgumentException("NEWSFLOW_TRUSTED_PROXIES: '" + cidr + "' has a prefix length outside 0-" + maxBits);
    }
    return new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT);
  }
}

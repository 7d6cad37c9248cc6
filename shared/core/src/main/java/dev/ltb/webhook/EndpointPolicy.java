package dev.ltb.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where outbound webhooks may go. The SaaS default ({@link #publicHttpsOnly()}) takes only {@code https} URLs
 * without credentials whose host resolves to public addresses only: no loopback, private (RFC 1918, CGNAT
 * 100.64/10, IPv6 ULA), link-local (the instance metadata service at 169.254.169.254), multicast or wildcard
 * address, so a tenant cannot make the service call into its own network (SSRF). A single-tenant deployment
 * posting to internal systems uses {@link #allowingPrivateNetworks()}.
 */
public record EndpointPolicy(boolean requireHttps, boolean allowPrivateNetworks) {

  public static EndpointPolicy publicHttpsOnly() {
    return new EndpointPolicy(true, false);
  }

  /** For single-tenant deployments inside a private network (and local tests): http and private hosts allowed. */
  public static EndpointPolicy allowingPrivateNetworks() {
    return new EndpointPolicy(false, true);
  }

  /** Returns when the URL may be called, otherwise throws {@link IllegalArgumentException} saying why. */
  public void check(URI url) {
    String scheme = url.getScheme();
    if (!"https".equals(scheme) && !(!requireHttps && "http".equals(scheme)))
      throw new IllegalArgumentException("webhook URL must use " + (requireHttps ? "https" : "http or https"));
    if (url.getRawUserInfo() != null) throw new IllegalArgumentException("webhook URL must not contain credentials");
    String host = url.getHost();
    if (host == null || host.isEmpty()) throw new IllegalArgumentException("webhook URL has no host");
    if (allowPrivateNetworks) return;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("webhook host " + host + " does not resolve");
    }
    for (InetAddress address : addresses)
      if (!isPublic(address))
        throw new IllegalArgumentException("webhook host " + host + " resolves to a non-public address");
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress())
      return false;
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      int first = bytes[0] & 0xff, second = bytes[1] & 0xff;
      if (first == 0 || first >= 240) return false; // "this network", reserved and broadcast
      if (first == 100 && second >= 64 && second < 128) return false; // CGNAT 100.64/10
      if (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) return false; // IETF protocol assignments
      if (first == 198 && (second == 18 || second == 19)) return false; // benchmarking
      return true;
    }
    return (bytes[0] & 0xfe) != 0xfc; // IPv6 unique local fc00::/7
  }
}

package io.newsflow.gateway.security;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys, held only as SHA-256 hashes so that a heap dump or a log of this object
 * shows no key. Keys are long random strings, so an unsalted fast hash is enough: nothing is
 * guessable to brute-force, unlike a password.
 */
public final class ApiKeys {

  /** A caller who presented a known key: the role, and a short fingerprint to name its rate-limit bucket. */
  public record Caller(Role role, String fingerprint) {}

  static final int MIN_KEY_LENGTH = 16;
  private final Map<String, Role> roleByHash;

  private ApiKeys(Map<String, Role> roleByHash) {
    this.roleByHash = Map.copyOf(roleByHash);
  }

  /**
   * Parses {@code role:key,role:key}. Errors name the entry's position and never echo a key.
   *
   * @throws IllegalArgumentException when an entry has no role, an unknown role, or a short key
   */
  public static ApiKeys parse(@Nullable String spec) {
    Map<String, Role> keys = new HashMap<>();
    if (spec == null || spec.isBlank()) {
      return new ApiKeys(keys);
    }
    String[] entries = spec.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("NEWSFLOW_API_KEYS entry " + (i + 1) + " is not role:key");
      }
      String roleName = entry.substring(0, colon).strip().toUpperCase(Locale.ROOT);
      Role role;
      try {
        role = Role.valueOf(roleName);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("NEWSFLOW_API_KEYS entry " + (i + 1) + " has unknown role '"
            + roleName.toLowerCase(Locale.ROOT) + "'; roles are reader and operator");
      }
      String key = entry.substring(colon + 1).strip();
      if (key.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException("NEWSFLOW_API_KEYS entry " + (i + 1) + " has a key shorter than "
            + MIN_KEY_LENGTH + " characters");
      }
      keys.merge(hash(key), role, (a, b) -> a == Role.OPERATOR || b == Role.OPERATOR ? Role.OPERATOR : Role.READER);
    }
    return new ApiKeys(keys);
  }

  public Optional<Caller> identify(String presentedKey) {
    String hash = hash(presentedKey.strip());
    Role role = roleByHash.get(hash);
    return role == null ? Optional.empty() : Optional.of(new Caller(role, hash.substring(0, 12)));
  }

  public boolean isEmpty() {
    return roleByHash.isEmpty();
  }

  public int size() {
    return roleByHash.size();
  }

  private static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[" + roleByHash.size() + " keys]";
  }
}

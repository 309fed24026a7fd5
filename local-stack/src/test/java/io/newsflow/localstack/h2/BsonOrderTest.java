package io.newsflow.localstack.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Property tests on random keys: the typed key order against the equality the Java-serialised keys had. */
class BsonOrderTest {

  private static final int KEYS = 3_000;

  @Test
  void keyOrderIsATotalOrderWhoseEqualityIsEqualSerialisedForms() {
    Random random = new Random(20261128);
    List<KeyValue> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      KeyValue key = randomKey(random);
      keys.add(key);
      // near-duplicates: the same key rebuilt, and one value swapped for another of the same kind
      keys.add(KeyValueType.INSTANCE.read(roundTrip(key)));
    }
    KeyValueType type = KeyValueType.INSTANCE;
    int equalPairs = 0;
    for (int n = 0; n < 60_000; n++) {
      KeyValue a = keys.get(random.nextInt(keys.size()));
      KeyValue b = keys.get(random.nextInt(keys.size()));
      KeyValue c = keys.get(random.nextInt(keys.size()));
      int ab = type.compare(a, b);
      boolean sameBytes = serialisedForm(a).equals(serialisedForm(b));
      assertThat(ab == 0).as("compare(%s, %s) == 0 exactly when their serialised forms are equal", a, b).isEqualTo(sameBytes);
      assertThat(Integer.signum(type.compare(b, a))).as("antisymmetry of %s, %s", a, b).isEqualTo(-Integer.signum(ab));
      if (ab <= 0 && type.compare(b, c) <= 0) {
        assertThat(type.compare(a, c)).as("transitivity %s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
      }
      if (ab == 0) {
        equalPairs++;
        assertThat(Integer.signum(type.compare(a, c))).isEqualTo(Integer.signum(type.compare(b, c)));
      }
    }
    assertThat(equalPairs).as("the sample has equal pairs to check").isGreaterThan(5);
    List<KeyValue> sorted = new ArrayList<>(keys);
    sorted.sort(type);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(type.compare(sorted.get(i - 1), sorted.get(i))).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void numbersOfDifferentTypesAndBitsAndDocumentsOfDifferentFieldsStayDistinctKeys() {
    List<Object> ones = List.of(1, 1L, 1.0, "1", new Decimal128(new BigDecimal("1.0")), new Decimal128(new BigDecimal("1.00")));
    for (Object a : ones) {
      for (Object b : ones) {
        assertThat(KeyValueType.INSTANCE.compare(new KeyValue(a), new KeyValue(b)) == 0).as("%s vs %s", a, b).isEqualTo(a == b);
      }
    }
    assertThat(BsonOrder.compare(0.0, -0.0)).isNotZero();
    assertThat(BsonOrder.compare(Double.NaN, 0.0 / 0.0)).isZero();
    assertThat(BsonOrder.compare(new Document("a", 1).append("b", 2), new Document("b", 2).append("a", 1))).isNotZero();
    assertThat(BsonOrder.compare(new Document("a", 1).append("b", 1), new Document("b", 1).append("a", 1))).isNotZero();
    assertThat(BsonOrder.compare(new Document("actor", "CSTO"), new Document("theme", "CSTO"))).isNotZero();
    assertThat(BsonOrder.compare(new Document("a", new ArrayList<>(List.of(1))), new Document("a", new ArrayList<>(List.of(1L))))).isNotZero();
  }

  @Test
  void everyValueReadsBackAsItWasWritten() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      Object value = randomValue(random, 0);
      WriteBuffer out = new WriteBuffer();
      BsonValues.write(out, value);
      Object back = BsonValues.read(out.getBuffer().flip());
      assertThat(serialisedForm(back)).as("%s", value).isEqualTo(serialisedForm(value));
      assertThat(back == null ? null : back.getClass()).isEqualTo(value == null ? null : value.getClass());
    }
  }

  /**
   * A value's Java-serialised form, container by container. Serialising a whole key at once is no oracle: Java
   * serialisation writes a back-reference for an instance seen before (the same interned field name twice), so two
   * keys of equal content can differ in bytes by how their objects happen to be shared. Such keys were distinct keys
   * to the old backend by accident; they are one key now.
   */
  static String serialisedForm(Object value) {
    if (value instanceof KeyValue key) {
      StringBuilder form = new StringBuilder("K(");
      key.forEach(v -> form.append(serialisedForm(v)).append(','));
      return form.append(')').toString();
    } else if (value instanceof Document document) {
      StringBuilder form = new StringBuilder("D{");
      document.forEach((k, v) -> form.append(k.length()).append(':').append(k).append('=').append(serialisedForm(v)).append(','));
      return form.append('}').toString();
    } else if (value != null && value.getClass() == ArrayList.class) {
      StringBuilder form = new StringBuilder("L[");
      ((List<?>) value).forEach(v -> form.append(serialisedForm(v)).append(','));
      return form.append(']').toString();
    }
    return Base64.getEncoder().encodeToString(ObjectDataType.serialize(value));
  }

  private static ByteBuffer roundTrip(KeyValue key) {
    WriteBuffer out = new WriteBuffer();
    KeyValueType.INSTANCE.write(out, key);
    return out.getBuffer().flip();
  }

  private static KeyValue randomKey(Random random) {
    int size = 1 + random.nextInt(3);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      values.add(randomValue(random, 0));
    }
    return new KeyValue(values);
  }

  /** Small value ranges on purpose, so that equal and nearly equal keys are common. */
  static Object randomValue(Random random, int depth) {
    int kind = random.nextInt(depth < 2 ? 25 : 22);
    return switch (kind) {
      case 0 -> null;
      case 1 -> Missing.getInstance();
      case 2 -> MinKey.getInstance();
      case 3 -> MaxKey.getInstance();
      case 4 -> random.nextBoolean();
      case 5 -> random.nextInt(5) - 2;
      case 6 -> (long) (random.nextInt(5) - 2);
      case 7 -> List.of(1.0, -0.0, 0.0, Double.NaN, 2.5, -1e300).get(random.nextInt(6));
      case 8 -> List.of("", "1", "a", "Astana", "Астана", "\uD83C\uDDF0\uD83C\uDDFF", "\uD800", "a?b", "?\uDC00", "é").get(random.nextInt(10));
      case 9 -> Instant.ofEpochSecond(random.nextInt(3) - 1, random.nextInt(2) * 1_000_000);
      case 10 -> new ObjectId(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) (random.nextInt(3) * 127)});
      case 11 -> new BinData(new byte[random.nextInt(3)]);
      case 12 -> new UUID(random.nextInt(2), random.nextInt(2) - 1);
      case 13 -> new LegacyUUID(random.nextInt(2), 0);
      case 14 -> new Decimal128(new BigDecimal(List.of("1.0", "1.00", "-3", "0").get(random.nextInt(4))));
      case 15 -> new BsonTimestamp(random.nextInt(3));
      case 16 -> new BsonRegularExpression("^ka", random.nextBoolean() ? "i" : null);
      case 17 -> new BsonJavaScript(random.nextBoolean() ? "f()" : "g()");
      case 18 -> new BigDecimal(random.nextInt(3)); // a class with no tag of its own: Java serialisation
      case 19 -> new LinkedList<>(List.of(random.nextInt(2))); // a List that is not an ArrayList
      case 20 -> random.nextInt(2) == 0 ? 1 : "x";
      case 21 -> (double) random.nextInt(2);
      case 22, 23 -> {
        Document document = new Document();
        int fields = random.nextInt(3);
        for (int i = 0; i < fields; i++) {
          document.put(random.nextBoolean() ? "a" : "b" + i, randomValue(random, depth + 1));
        }
        yield document;
      }
      default -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(3);
        for (int i = 0; i < size; i++) {
          list.add(randomValue(random, depth + 1));
        }
        yield list;
      }
    };
  }
}

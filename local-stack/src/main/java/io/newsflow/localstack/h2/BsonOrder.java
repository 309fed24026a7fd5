package io.newsflow.localstack.h2;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A total order on stored values without Java serialisation. It is not MongoDB's sort order: it only has to be the
 * B-tree's order, and its equality is the one H2's {@code ObjectDataType} gave keys it could not compare natively
 * (equal Java-serialised forms): the same exact class and equal content, documents in their field order. So
 * {@code 1}, {@code 1L} and {@code 1.0} stay three keys, as do {@code 0.0} and {@code -0.0}, and Decimal128 {@code 1.0}
 * and {@code 1.00}; all NaNs are one key. Values of other classes are still compared by their serialised bytes.
 */
final class BsonOrder {

  private static final Comparator<String> NULLABLE_STRINGS = Comparator.nullsFirst(Comparator.naturalOrder());

  private BsonOrder() {}

  static int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    byte tagA = BsonValues.tag(a);
    byte tagB = BsonValues.tag(b);
    if (tagA != tagB) {
      return Byte.compare(tagA, tagB);
    }
    return switch (tagA) {
      case BsonValues.NULL, BsonValues.MISSING, BsonValues.MIN_KEY, BsonValues.MAX_KEY, BsonValues.FALSE, BsonValues.TRUE -> 0;
      case BsonValues.INT -> Integer.compare((Integer) a, (Integer) b);
      case BsonValues.LONG -> Long.compare((Long) a, (Long) b);
      // Double.compare separates 0.0 from -0.0 and makes NaN one value, as doubleToLongBits in the serialised form did
      case BsonValues.DOUBLE -> Double.compare((Double) a, (Double) b);
      case BsonValues.STRING -> ((String) a).compareTo((String) b);
      case BsonValues.DOCUMENT -> compareDocuments((Document) a, (Document) b);
      case BsonValues.LIST -> compareLists((List<?>) a, (List<?>) b);
      case BsonValues.INSTANT -> ((Instant) a).compareTo((Instant) b);
      case BsonValues.OBJECT_ID -> Arrays.compareUnsigned(((ObjectId) a).toByteArray(), ((ObjectId) b).toByteArray());
      case BsonValues.BIN_DATA -> Arrays.compare(((BinData) a).getData(), ((BinData) b).getData());
      case BsonValues.UUID_TAG -> ((UUID) a).compareTo((UUID) b);
      case BsonValues.LEGACY_UUID -> ((LegacyUUID) a).getUuid().compareTo(((LegacyUUID) b).getUuid());
      // by the bits, not numerically: 1.0 and 1.00 are different serialised values
      case BsonValues.DECIMAL128 -> {
        int high = Long.compare(((Decimal128) a).getHigh(), ((Decimal128) b).getHigh());
        yield high != 0 ? high : Long.compare(((Decimal128) a).getLow(), ((Decimal128) b).getLow());
      }
      case BsonValues.TIMESTAMP -> Long.compare(((BsonTimestamp) a).getValue(), ((BsonTimestamp) b).getValue());
      case BsonValues.REGEX -> {
        BsonRegularExpression x = (BsonRegularExpression) a;
        BsonRegularExpression y = (BsonRegularExpression) b;
        int pattern = NULLABLE_STRINGS.compare(x.getPattern(), y.getPattern());
        yield pattern != 0 ? pattern : NULLABLE_STRINGS.compare(x.getOptions(), y.getOptions());
      }
      case BsonValues.JAVASCRIPT -> NULLABLE_STRINGS.compare(((BsonJavaScript) a).getCode(), ((BsonJavaScript) b).getCode());
      default -> Arrays.compare(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    };
  }

  static int compareLists(List<?> a, List<?> b) {
    Iterator<?> x = a.iterator();
    Iterator<?> y = b.iterator();
    while (x.hasNext() && y.hasNext()) {
      int c = compare(x.next(), y.next());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }

  private static int compareDocuments(Document a, Document b) {
    Iterator<Map.Entry<String, Object>> x = a.entrySet().iterator();
    Iterator<Map.Entry<String, Object>> y = b.entrySet().iterator();
    while (x.hasNext() && y.hasNext()) {
      Map.Entry<String, Object> p = x.next();
      Map.Entry<String, Object> q = y.next();
      int c = p.getKey().compareTo(q.getKey());
      if (c == 0) {
        c = compare(p.getValue(), q.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }
}

package io.newsflow.localstack.h2;

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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The binary form of the values mongo-java-server keeps in its H2 maps: one tag byte, then the value. Every type the
 * server's BSON decoder and backend produce has its own tag; a value of any other class (or a subclass) is written by
 * Java serialisation under {@link #SERIALIZED}, so nothing is lost. A value is tagged by its exact class, because the
 * backend's keys were equal only when their Java-serialised forms were ({@link BsonOrder} keeps that equality).
 */
final class BsonValues {

  static final byte NULL = 0;
  static final byte MISSING = 1;
  static final byte MIN_KEY = 2;
  static final byte FALSE = 3;
  static final byte TRUE = 4;
  static final byte INT = 5;
  static final byte LONG = 6;
  static final byte DOUBLE = 7;
  static final byte STRING = 8;
  static final byte DOCUMENT = 9;
  static final byte LIST = 10;
  static final byte INSTANT = 11;
  static final byte OBJECT_ID = 12;
  static final byte BIN_DATA = 13;
  static final byte UUID_TAG = 14;
  static final byte LEGACY_UUID = 15;
  static final byte DECIMAL128 = 16;
  static final byte TIMESTAMP = 17;
  static final byte REGEX = 18;
  static final byte JAVASCRIPT = 19;
  static final byte MAX_KEY = 20;
  static final byte SERIALIZED = 127;

  private BsonValues() {}

  /** The tag {@link #write} uses for this value. */
  static byte tag(Object value) {
    if (value == null) {
      return NULL;
    }
    Class<?> type = value.getClass();
    if (type == String.class) {
      return STRING;
    } else if (type == Document.class) {
      return DOCUMENT;
    } else if (type == Integer.class) {
      return INT;
    } else if (type == Long.class) {
      return LONG;
    } else if (type == Double.class) {
      return DOUBLE;
    } else if (type == Boolean.class) {
      return (Boolean) value ? TRUE : FALSE;
    } else if (type == ArrayList.class) {
      return LIST;
    } else if (type == Instant.class) {
      return INSTANT;
    } else if (type == ObjectId.class) {
      return OBJECT_ID;
    } else if (type == BinData.class) {
      return BIN_DATA;
    } else if (type == UUID.class) {
      return UUID_TAG;
    } else if (type == LegacyUUID.class) {
      return LEGACY_UUID;
    } else if (type == Decimal128.class) {
      return DECIMAL128;
    } else if (type == BsonTimestamp.class) {
      return TIMESTAMP;
    } else if (type == BsonRegularExpression.class) {
      return REGEX;
    } else if (type == BsonJavaScript.class) {
      return JAVASCRIPT;
    } else if (type == Missing.class) {
      return MISSING;
    } else if (type == MinKey.class) {
      return MIN_KEY;
    } else if (type == MaxKey.class) {
      return MAX_KEY;
    }
    return SERIALIZED;
  }

  static void write(WriteBuffer out, Object value) {
    byte tag = tag(value);
    out.put(tag);
    switch (tag) {
      case NULL, MISSING, MIN_KEY, MAX_KEY, FALSE, TRUE -> { }
      case INT -> out.putVarInt((Integer) value);
      case LONG -> out.putLong((Long) value);
      case DOUBLE -> out.putDouble((Double) value);
      case STRING -> writeString(out, (String) value);
      case DOCUMENT -> {
        Document document = (Document) value;
        out.putVarInt(document.size());
        for (Map.Entry<String, Object> entry : document.entrySet()) {
          writeString(out, entry.getKey());
          write(out, entry.getValue());
        }
      }
      case LIST -> {
        List<?> list = (List<?>) value;
        out.putVarInt(list.size());
        for (Object element : list) {
          write(out, element);
        }
      }
      case INSTANT -> {
        Instant instant = (Instant) value;
        out.putVarLong(instant.getEpochSecond() * 2 ^ (instant.getEpochSecond() >> 63)).putVarInt(instant.getNano());
      }
      case OBJECT_ID -> out.put(((ObjectId) value).toByteArray());
      case BIN_DATA -> writeBytes(out, ((BinData) value).getData());
      case UUID_TAG -> writeUuid(out, (UUID) value);
      case LEGACY_UUID -> writeUuid(out, ((LegacyUUID) value).getUuid());
      case DECIMAL128 -> out.putLong(((Decimal128) value).getHigh()).putLong(((Decimal128) value).getLow());
      case TIMESTAMP -> out.putLong(((BsonTimestamp) value).getValue());
      case REGEX -> {
        writeString(out, ((BsonRegularExpression) value).getPattern());
        writeNullableString(out, ((BsonRegularExpression) value).getOptions());
      }
      case JAVASCRIPT -> writeNullableString(out, ((BsonJavaScript) value).getCode());
      default -> writeBytes(out, ObjectDataType.serialize(value));
    }
  }

  static Object read(ByteBuffer in) {
    byte tag = in.get();
    return switch (tag) {
      case NULL -> null;
      case MISSING -> Missing.getInstance();
      case MIN_KEY -> MinKey.getInstance();
      case MAX_KEY -> MaxKey.getInstance();
      case FALSE -> Boolean.FALSE;
      case TRUE -> Boolean.TRUE;
      case INT -> DataUtils.readVarInt(in);
      case LONG -> in.getLong();
      case DOUBLE -> in.getDouble();
      case STRING -> DataUtils.readString(in);
      case DOCUMENT -> {
        int size = DataUtils.readVarInt(in);
        Document document = new Document();
        for (int i = 0; i < size; i++) {
          String key = DataUtils.readString(in);
          document.put(key, read(in));
        }
        yield document;
      }
      case LIST -> {
        int size = DataUtils.readVarInt(in);
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(read(in));
        }
        yield list;
      }
      case INSTANT -> {
        long zigzag = DataUtils.readVarLong(in);
        yield Instant.ofEpochSecond((zigzag >>> 1) ^ -(zigzag & 1), DataUtils.readVarInt(in));
      }
      case OBJECT_ID -> {
        byte[] id = new byte[12];
        in.get(id);
        yield new ObjectId(id);
      }
      case BIN_DATA -> new BinData(readBytes(in));
      case UUID_TAG -> new UUID(in.getLong(), in.getLong());
      case LEGACY_UUID -> new LegacyUUID(in.getLong(), in.getLong());
      case DECIMAL128 -> {
        long high = in.getLong();
        yield new Decimal128(in.getLong(), high); // its constructor takes (low, high)
      }
      case TIMESTAMP -> new BsonTimestamp(in.getLong());
      case REGEX -> new BsonRegularExpression(DataUtils.readString(in), readNullableString(in));
      case JAVASCRIPT -> new BsonJavaScript(readNullableString(in));
      case SERIALIZED -> ObjectDataType.deserialize(readBytes(in));
      default -> throw new IllegalStateException("unknown value tag " + tag + " in the H2 store at position "
          + (in.position() - 1) + ": the file was written by a newer newsflow, or is damaged");
    };
  }

  /** Heap bytes of a value, roughly, for H2's page cache accounting. */
  static int memory(Object value) {
    return switch (tag(value)) {
      case STRING -> 40 + 2 * ((String) value).length();
      case DOCUMENT -> {
        int bytes = 64;
        for (Map.Entry<String, Object> entry : ((Document) value).entrySet()) {
          bytes += 72 + 2 * entry.getKey().length() + memory(entry.getValue());
        }
        yield bytes;
      }
      case LIST -> {
        int bytes = 40;
        for (Object element : (List<?>) value) {
          bytes += 8 + memory(element);
        }
        yield bytes;
      }
      case BIN_DATA -> 32 + ((BinData) value).getData().length;
      case SERIALIZED -> 64;
      default -> 24;
    };
  }

  private static void writeString(WriteBuffer out, String value) {
    // H2's own string form: lossless for every char, lone surrogates included (UTF-8 would replace those). It writes
    // char by char (15 % of the server's CPU in a burst profile), but two bulk copies for ASCII strings were measured
    // slower or no faster (local-stack/README.md), so the simpler form stays.
    out.putVarInt(value.length()).putStringData(value, value.length());
  }

  private static void writeNullableString(WriteBuffer out, String value) {
    if (value == null) {
      out.putVarInt(-1);
    } else {
      writeString(out, value);
    }
  }

  private static String readNullableString(ByteBuffer in) {
    int length = DataUtils.readVarInt(in);
    return length < 0 ? null : DataUtils.readString(in, length);
  }

  private static void writeBytes(WriteBuffer out, byte[] bytes) {
    out.putVarInt(bytes.length).put(bytes);
  }

  private static byte[] readBytes(ByteBuffer in) {
    byte[] bytes = new byte[DataUtils.readVarInt(in)];
    in.get(bytes);
    return bytes;
  }

  private static void writeUuid(WriteBuffer out, UUID uuid) {
    out.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
  }
}

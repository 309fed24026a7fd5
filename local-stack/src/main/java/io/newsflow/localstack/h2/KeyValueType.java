package io.newsflow.localstack.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 data type for unique-index keys. {@link KeyValue} is Serializable but not Comparable, so with H2's default
 * {@code ObjectDataType} every B-tree comparison Java-serialised both keys (a fifth of the server's CPU in the burst
 * profile); this one compares the values in place with {@link BsonOrder}, keeping the same equality.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

  static final KeyValueType INSTANCE = new KeyValueType();

  @Override
  public int getMemory(KeyValue key) {
    int bytes = 40;
    for (Object value : key) {
      bytes += 8 + BsonValues.memory(value);
    }
    return bytes;
  }

  @Override
  public void write(WriteBuffer buff, KeyValue key) {
    buff.putVarInt(key.size());
    for (Object value : key) {
      BsonValues.write(buff, value);
    }
  }

  @Override
  public KeyValue read(ByteBuffer buff) {
    int size = DataUtils.readVarInt(buff);
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(BsonValues.read(buff));
    }
    return new KeyValue(values);
  }

  @Override
  public int compare(KeyValue a, KeyValue b) {
    int size = Math.min(a.size(), b.size());
    for (int i = 0; i < size; i++) {
      int c = BsonOrder.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}

package io.newsflow.localstack.h2;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 data type for documents and {@code _id} values in the typed maps: {@link BsonValues}' binary form and
 * {@link BsonOrder}'s order, in place of {@code ObjectDataType}'s Java serialisation.
 */
final class BsonValueType extends BasicDataType<Object> {

  static final BsonValueType INSTANCE = new BsonValueType();

  @Override
  public int getMemory(Object value) {
    return BsonValues.memory(value);
  }

  @Override
  public void write(WriteBuffer buff, Object value) {
    BsonValues.write(buff, value);
  }

  @Override
  public Object read(ByteBuffer buff) {
    return BsonValues.read(buff);
  }

  @Override
  public int compare(Object a, Object b) {
    return BsonOrder.compare(a, b);
  }

  @Override
  public Object[] createStorage(int size) {
    return new Object[size];
  }
}

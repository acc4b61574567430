package io.chanmarket.webapp.json;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.DelegatingDecoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A decoder that takes JSON as it is written: an integer only from a JSON integer in range (no {@code 1.5}, no
 * {@code "5"}, no {@code true}, no {@code [5]}), a number only from a JSON number, a string only from a JSON string, a
 * boolean only from {@code true}/{@code false}; and no text (values or keys) with a NUL character or an unpaired
 * surrogate. Everything else is an error naming what was expected, which the framework reports with the field's path.
 */
final class StrictDecoder extends DelegatingDecoder {

    private final Decoder delegate;
    /** Whether this decodes the elements of an array, where null is refused. */
    private final boolean elements;

    StrictDecoder(Decoder delegate) {
        this(delegate, false);
    }

    private StrictDecoder(Decoder delegate, boolean elements) {
        this.delegate = delegate;
        this.elements = elements;
    }

    @Override
    public boolean decodeNull() throws IOException {
        boolean isNull = delegate.decodeNull();
        if (isNull && elements) {
            throw delegate.createDeserializationException("an array may not hold null elements", null);
        }
        return isNull;
    }

    @Override
    protected Decoder delegate() {
        return delegate;
    }

    @Override
    public IOException createDeserializationException(String message, Object invalidValue) {
        return delegate.createDeserializationException(message, invalidValue);
    }

    @Override
    public Decoder decodeArray(Argument<?> type) throws IOException {
        return new StrictDecoder(delegate.decodeArray(type), true);
    }

    @Override
    public Decoder decodeArray() throws IOException {
        return new StrictDecoder(delegate.decodeArray(), true);
    }

    @Override
    public Decoder decodeObject(Argument<?> type) throws IOException {
        return new StrictDecoder(delegate.decodeObject(type));
    }

    @Override
    public Decoder decodeObject() throws IOException {
        return new StrictDecoder(delegate.decodeObject());
    }

    @Override
    public Decoder decodeBuffer() throws IOException {
        return new StrictDecoder(delegate.decodeBuffer());
    }

    @Override
    public String decodeKey() throws IOException {
        String key = delegate.decodeKey();
        if (key != null && !Text.clean(key)) {
            throw delegate.createDeserializationException(
                    "a key holds a NUL character or an unpaired surrogate, which no text may hold", null);
        }
        return key;
    }

    private Object value() throws IOException {
        return delegate.decodeArbitrary();
    }

    private IOException expected(String what, Object found) {
        return delegate.createDeserializationException("expected " + what + ", not " + describe(found), null);
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "the integer " + abbreviate(value);
        }
        if (value instanceof Number) {
            return "the number " + abbreviate(value);
        }
        if (value instanceof java.util.List<?>) {
            return "an array";
        }
        if (value instanceof java.util.Map<?, ?>) {
            return "an object";
        }
        return "null";
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    private BigInteger integer() throws IOException {
        Object value = value();
        if (value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        throw expected("an integer", value);
    }

    private long integerIn(long min, long max, String what) throws IOException {
        BigInteger value = integer();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw delegate.createDeserializationException(
                    "expected " + what + " from " + min + " to " + max + ", not " + abbreviate(value), null);
        }
        return value.longValue();
    }

    private Number number() throws IOException {
        Object value = value();
        if (value instanceof Number number) {
            return number;
        }
        throw expected("a number", value);
    }

    @Override
    public String decodeString() throws IOException {
        Object value = value();
        if (!(value instanceof String text)) {
            throw expected("a string", value);
        }
        if (!Text.clean(text)) {
            throw delegate.createDeserializationException(
                    "the text holds a NUL character or an unpaired surrogate, which no text may hold", null);
        }
        return text;
    }

    @Override
    public String decodeStringNullable() throws IOException {
        return decodeNull() ? null : decodeString();
    }

    @Override
    public boolean decodeBoolean() throws IOException {
        Object value = value();
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw expected("true or false", value);
    }

    @Override
    public Boolean decodeBooleanNullable() throws IOException {
        return decodeNull() ? null : decodeBoolean();
    }

    @Override
    public char decodeChar() throws IOException {
        String text = decodeString();
        if (text.length() != 1) {
            throw delegate.createDeserializationException("expected one character", null);
        }
        return text.charAt(0);
    }

    @Override
    public Character decodeCharNullable() throws IOException {
        return decodeNull() ? null : decodeChar();
    }

    @Override
    public byte decodeByte() throws IOException {
        return (byte) integerIn(Byte.MIN_VALUE, Byte.MAX_VALUE, "an integer");
    }

    @Override
    public Byte decodeByteNullable() throws IOException {
        return decodeNull() ? null : decodeByte();
    }

    @Override
    public short decodeShort() throws IOException {
        return (short) integerIn(Short.MIN_VALUE, Short.MAX_VALUE, "an integer");
    }

    @Override
    public Short decodeShortNullable() throws IOException {
        return decodeNull() ? null : decodeShort();
    }

    @Override
    public int decodeInt() throws IOException {
        return (int) integerIn(Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
    }

    @Override
    public Integer decodeIntNullable() throws IOException {
        return decodeNull() ? null : decodeInt();
    }

    @Override
    public long decodeLong() throws IOException {
        return integerIn(Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
    }

    @Override
    public Long decodeLongNullable() throws IOException {
        return decodeNull() ? null : decodeLong();
    }

    @Override
    public BigInteger decodeBigInteger() throws IOException {
        return integer();
    }

    @Override
    public BigInteger decodeBigIntegerNullable() throws IOException {
        return decodeNull() ? null : decodeBigInteger();
    }

    @Override
    public float decodeFloat() throws IOException {
        return (float) finite(number().doubleValue());
    }

    @Override
    public Float decodeFloatNullable() throws IOException {
        return decodeNull() ? null : decodeFloat();
    }

    @Override
    public double decodeDouble() throws IOException {
        return finite(number().doubleValue());
    }

    @Override
    public Double decodeDoubleNullable() throws IOException {
        return decodeNull() ? null : decodeDouble();
    }

    private double finite(double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw delegate.createDeserializationException("expected a finite number", null);
        }
        return value;
    }

    @Override
    public BigDecimal decodeBigDecimal() throws IOException {
        Number number = number();
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof Integer || number instanceof Long) {
            return BigDecimal.valueOf(number.longValue());
        }
        return BigDecimal.valueOf(finite(number.doubleValue()));
    }

    @Override
    public BigDecimal decodeBigDecimalNullable() throws IOException {
        return decodeNull() ? null : decodeBigDecimal();
    }

    @Override
    public Number decodeNumber() throws IOException {
        return number();
    }
}

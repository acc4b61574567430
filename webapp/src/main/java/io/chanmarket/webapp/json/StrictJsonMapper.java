package io.chanmarket.webapp.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.jackson.JacksonDecoder;
import io.micronaut.serde.jackson.JacksonJsonMapper;
import io.micronaut.serde.jackson.JacksonObjectMapper;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The strict JSON mapper of the ad API's request bodies, used by {@link StrictJsonFilter}: Micronaut Serde's, except
 * that reading is strict, in this one place for every JSON body the server reads (JSON the application reads itself,
 * from the database or other services, keeps the ordinary mapper). A duplicated key, a value of the wrong JSON type (no
 * coercion of floats to integers, strings to numbers, numbers or booleans to strings, arrays to scalars) and text with
 * a NUL character or an unpaired surrogate are errors, which the framework turns into a 400 naming the field. Writing
 * is unchanged.
 */
public class StrictJsonMapper implements JacksonObjectMapper {

    private final JacksonJsonMapper delegate;
    private final SerdeRegistry registry;
    private final SerdeConfiguration configuration;
    private final JsonFactory factory;

    StrictJsonMapper(SerdeRegistry registry, SerdeConfiguration configuration,
            SerdeJacksonConfiguration jacksonConfiguration) {
        this.delegate = new JacksonJsonMapper(registry, configuration, jacksonConfiguration);
        this.registry = registry;
        this.configuration = configuration;
        this.factory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).streamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(100).maxNumberLength(100).build())
                .build();
    }

    private <T> T read(JsonParser parser, Argument<T> type) throws IOException {
        try (parser) {
            Deserializer.DecoderContext context = registry.newDecoderContext(null);
            Deserializer<? extends T> deserializer = context.findDeserializer(type).createSpecific(context, type);
            return deserializer.deserializeNullable(
                    new StrictDecoder(
                            JacksonDecoder.create(parser, LimitingStream.limitsFromConfiguration(configuration))),
                    context, type);
        } catch (IOException e) {
            throw new Refused(parser.getParsingContext().pathAsPointer().toString(), e);
        }
    }

    /**
     * A body this mapper refuses: the message names the field as a JSON pointer ({@code /0/age}) and says what was
     * wrong, without the parser's source location.
     */
    public static final class Refused extends IOException {

        Refused(String pointer, IOException cause) {
            super((pointer.isEmpty() ? "the body" : "field " + pointer) + ": " + reason(cause), cause);
        }

        private static String reason(IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            return message == null ? e.getClass().getSimpleName() : message.strip();
        }
    }

    @Override
    public <T> T readValue(InputStream inputStream, Argument<T> type) throws IOException {
        return read(factory.createParser(inputStream), type);
    }

    @Override
    public <T> T readValue(byte[] byteArray, Argument<T> type) throws IOException {
        return read(factory.createParser(byteArray), type);
    }

    @Override
    public <T> T readValue(ByteBuffer<?> byteBuffer, Argument<T> type) throws IOException {
        return readValue(byteBuffer.toByteArray(), type);
    }

    @Override
    public <T> T readValue(String string, Argument<T> type) throws IOException {
        return read(factory.createParser(string), type);
    }

    @Override
    public <T> T readValueFromTree(JsonNode tree, Argument<T> type) throws IOException {
        return readValue(delegate.writeValueAsBytes(tree), type);
    }

    @Override
    public JsonMapper createSpecific(Argument<?> type) {
        return this;
    }

    @Override
    public JsonMapper cloneWithViewClass(Class<?> viewClass) {
        return delegate.cloneWithViewClass(viewClass);
    }

    @Override
    public JacksonObjectMapper cloneWithConfiguration(SerdeJacksonConfiguration jacksonConfiguration) {
        return delegate.cloneWithConfiguration(jacksonConfiguration);
    }

    @Override
    public ObjectMapper cloneWithConfiguration(SerdeConfiguration configuration,
            io.micronaut.serde.config.SerializationConfiguration serialization,
            io.micronaut.serde.config.DeserializationConfiguration deserialization) {
        return delegate.cloneWithConfiguration(configuration, serialization, deserialization);
    }

    @Override
    public SerdeRegistry getSerdeRegistry() {
        return registry;
    }

    @Override
    public JsonNode writeValueToTree(Object value) throws IOException {
        return delegate.writeValueToTree(value);
    }

    @Override
    public <T> JsonNode writeValueToTree(Argument<T> type, T value) throws IOException {
        return delegate.writeValueToTree(type, value);
    }

    @Override
    public void writeValue(OutputStream outputStream, Object object) throws IOException {
        delegate.writeValue(outputStream, object);
    }

    @Override
    public <T> void writeValue(OutputStream outputStream, Argument<T> type, T object) throws IOException {
        delegate.writeValue(outputStream, type, object);
    }

    @Override
    public byte[] writeValueAsBytes(Object object) throws IOException {
        return delegate.writeValueAsBytes(object);
    }

    @Override
    public <T> byte[] writeValueAsBytes(Argument<T> type, T object) throws IOException {
        return delegate.writeValueAsBytes(type, object);
    }

    @Override
    public <T> String writeValueAsString(Argument<T> type, T value, java.nio.charset.Charset charset)
            throws IOException {
        return delegate.writeValueAsString(type, value, charset);
    }

    @Override
    public String writeValueAsString(Object object) throws IOException {
        return delegate.writeValueAsString(object);
    }

    @Override
    public JsonStreamConfig getStreamConfig() {
        return delegate.getStreamConfig();
    }

    @Override
    public void updateValueFromTree(Object value, JsonNode tree) throws IOException {
        delegate.updateValueFromTree(value, tree);
    }

    @Override
    public org.reactivestreams.Processor<byte[], JsonNode> createReactiveParser(
            java.util.function.Consumer<org.reactivestreams.Processor<byte[], JsonNode>> onSubscribe,
            boolean streamArray) {
        return delegate.createReactiveParser(onSubscribe, streamArray);
    }
}

package org.psephos.scenarios;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The JSON form of scenario results: Jackson over the result records, indented, with non-finite numbers (a figure
 * not computed, NaN) written as {@code null} so the output is valid JSON. Thread-safe.
 *
 * @since 0.1
 */
public final class ScenarioJson {
    private static final ObjectMapper MAPPER = mapper();

    private ScenarioJson() {
    }

    /** @return a new mapper with the NaN-as-null rule, indented output and ordered map keys */
    public static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("finite-doubles");
        JsonSerializer<Double> finite = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v == null || !Double.isFinite(v)) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
        };
        m.addSerializer(Double.class, finite);
        m.addSerializer(Double.TYPE, finite);
        return new ObjectMapper().registerModule(m).enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /**
     * @param value a result record (or any tree of records, lists and maps)
     * @return its JSON text, ending with a newline
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}

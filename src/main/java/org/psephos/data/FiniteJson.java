package org.psephos.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The one JSON mapper configuration of the toolkit's outputs: indented, with non-finite doubles (a figure not
 * computed, NaN, an infinite ratio) written as {@code null} so that every file is valid JSON. Doubles held in Jackson
 * tree nodes ({@code ObjectNode.put(String, double)}) bypass the rule; build maps, lists and records instead.
 *
 * @since 0.1
 */
public final class FiniteJson {
    private FiniteJson() {
    }

    /** @return a new mapper with indented output and the non-finite-as-null rule; map keys in insertion order */
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
        return new ObjectMapper().registerModule(m).enable(SerializationFeature.INDENT_OUTPUT);
    }
}

package org.psephos.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.psephos.data.FiniteJson;

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

    /** @return a new mapper with the NaN-as-null rule and indented output ({@link FiniteJson}), map keys ordered */
    public static ObjectMapper mapper() {
        return FiniteJson.mapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
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

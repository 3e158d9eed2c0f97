package org.psephos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psephos.data.DataException;

/**
 * The typed fields of one scenario file's JSON: numbers, probabilities, whole numbers in a range, texts and
 * increasing lists, each with its default, and the {@link DataException} that names the file, the field (a JSON
 * path such as {@code families[1].values}) and the value when one is missing or invalid. The section readers of
 * {@link ScenarioFiles} ({@code ScenarioFileParser}, {@code ScenarioFileElectorate}, {@code ScenarioFileQuestions})
 * read through it. Immutable.
 */
final class ScenarioFields {
    private final Path file;

    /** @param file the scenario file, named in every error */
    ScenarioFields(Path file) {
        this.file = file;
    }

    /** @return the scenario file */
    Path file() {
        return file;
    }

    /**
     * @param field   the field's JSON path
     * @param problem what is wrong
     * @param value   the value, or null to name none
     * @return the error naming the file, field and value
     */
    DataException error(String field, String problem, Object value) {
        DataException.Builder b = DataException.of(problem).file(file).column(field);
        if (value != null) {
            b.value(String.valueOf(value));
        }
        return b.build();
    }

    /** @return the field key of n, which must be present and not null */
    JsonNode required(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw error(path + key, "the scenario file lacks a required field", null);
        }
        return v;
    }

    /** @return the number key of n, or dflt if absent or null */
    double number(JsonNode n, String key, String path, double dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw error(path + key, "the field is not a number", v);
        }
        return v.doubleValue();
    }

    /** @return the number key of n, which must be present */
    double requiredNumber(JsonNode n, String key, String path) {
        JsonNode v = required(n, key, path);
        if (!v.isNumber()) {
            throw error(path + key, "the field is not a number", v);
        }
        return v.doubleValue();
    }

    /** @return the number key of n in [0, 1] (or NaN), or dflt if absent or null */
    double probability(JsonNode n, String key, String path, double dflt) {
        double v = number(n, key, path, dflt);
        if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
            throw error(path + key, "the field is not in [0, 1]", v);
        }
        return v;
    }

    /**
     * @param v     a value read from the field path + key
     * @param key   the field's name, as the message names it
     * @param path  the JSON path of the object holding it (empty, or ending in a dot)
     * @param min   the smallest whole number it may take
     * @param max   the largest
     * @return v
     * @throws DataException if v is not a whole number in [min, max]
     */
    double whole(double v, String key, String path, long min, long max) {
        if (!(v >= min && v <= max) || v != Math.rint(v)) {
            throw error(path + key, key + " is not a whole number in [" + min + ", " + max + "]", v);
        }
        return v;
    }

    /** @return the text key of n, or dflt if absent or null */
    String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    /** @return the list of strictly increasing numbers key of n, empty if absent or null */
    List<Double> numbers(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        List<Double> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw error(path + key, "the field is not a list of numbers", v);
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) {
                throw error(path + key + "[" + i + "]", "the value is not a number", v.get(i));
            }
            double x = v.get(i).doubleValue();
            if (!out.isEmpty() && !(x > out.get(out.size() - 1))) {
                throw error(path + key + "[" + i + "]", "the values are not increasing", x);
            }
            out.add(x);
        }
        return out;
    }
}

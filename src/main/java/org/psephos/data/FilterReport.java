package org.psephos.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link UnitFilter} kept and what it dropped, by reason.
 *
 * @param read    units before filtering
 * @param kept    units kept
 * @param dropped units dropped per reason (only reasons with at least one unit), in {@link DropReason} order
 * @since 0.1
 */
public record FilterReport(int read, int kept, Map<DropReason, Integer> dropped) {

    /** Copies the map so that the record stays immutable. */
    public FilterReport {
        EnumMap<DropReason, Integer> copy = new EnumMap<>(DropReason.class);
        copy.putAll(dropped);
        dropped = Collections.unmodifiableMap(copy);
    }

    /** @return the number of units dropped for any reason */
    public int droppedTotal() {
        return read - kept;
    }

    /** @return the dropped counts keyed by the reasons' printed labels, in order */
    public Map<String, Integer> droppedByLabel() {
        Map<String, Integer> out = new LinkedHashMap<>();
        dropped.forEach((r, n) -> out.put(r.label(), n));
        return out;
    }
}

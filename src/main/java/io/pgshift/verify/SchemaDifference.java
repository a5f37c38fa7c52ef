package io.pgshift.verify;

/**
 * One object that is not the same on both servers.
 *
 * @param object kind and name, e.g. {@code INDEX sales.orders_customer_idx}
 * @param source the statements that create it on the source, or null if the source lacks it
 * @param target the same for the target
 */
public record SchemaDifference(String object, String source, String target) {

    public String describe() {
        if (source == null) {
            return object + ": only on the target";
        }
        if (target == null) {
            return object + ": missing on the target";
        }
        return object + ": defined differently\n  source: " + source.replace("\n", "\n          ")
                + "\n  target: " + target.replace("\n", "\n          ");
    }
}

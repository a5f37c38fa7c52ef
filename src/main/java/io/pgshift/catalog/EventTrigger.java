package io.pgshift.catalog;

import java.util.List;

/**
 * An event trigger.
 *
 * @param tags    the command tags it fires on; empty for all
 * @param enabled pg_event_trigger.evtenabled: O on (the default), D disabled, R replica, A always
 */
public record EventTrigger(String name, String event, QualifiedName function, List<String> tags, char enabled)
        implements Definition {
    public EventTrigger {
        tags = List.copyOf(tags);
    }
}

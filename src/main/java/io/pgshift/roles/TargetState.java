package io.pgshift.roles;

import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.ServerVersion;

/**
 * What pgshift needs to know about a live target before it writes to it: who connects and with which attributes,
 * which roles and databases exist, which parameters the connecting user may set.
 *
 * @param bootstrapName the target's bootstrap superuser (postgres, azuresu, rdsadmin, ...): never touched
 * @param roles         every role of the target by name, predefined ones included
 * @param settings      every parameter the target knows, by lower-case name
 * @param detected      the managed service the target runs on, GENERIC when none
 */
record TargetState(ServerVersion version, String currentUser, String bootstrapName, Set<Attribute> userAttributes,
                   Map<String, TargetRole> roles, Set<String> databases, Map<String, TargetSetting> settings,
                   TargetProfile detected) {
    TargetState {
        userAttributes = Set.copyOf(userAttributes);
        roles = Map.copyOf(roles);
        databases = Set.copyOf(databases);
        settings = Map.copyOf(settings);
    }

    boolean superuser() {
        return userAttributes.contains(Attribute.SUPERUSER);
    }

    /**
     * A role that exists on the target.
     *
     * @param adminable the connecting user holds ADMIN OPTION on it (always true for a superuser)
     */
    record TargetRole(String name, Set<Attribute> attributes, boolean adminable) {
        TargetRole {
            attributes = Set.copyOf(attributes);
        }

        boolean has(Attribute attribute) {
            return attributes.contains(attribute);
        }
    }

    /**
     * A parameter of the target.
     *
     * @param settable ALTER ROLE ... SET may name it for the connecting user: its context allows per-role values,
     *                 and a superuser-only parameter needs a superuser or (15+) the SET privilege on it
     */
    record TargetSetting(String context, boolean settable) {
    }
}

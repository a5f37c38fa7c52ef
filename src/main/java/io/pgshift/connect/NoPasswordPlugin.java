package io.pgshift.connect;

import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;

/**
 * Tells pgjdbc that there is no password. Used when pgshift found none, so that pgjdbc does not
 * go and read {@code ~/.pgpass} on its own: pgjdbc would skip libpq's permission check (using a
 * group- or world-readable file libpq refuses) and would ignore {@link Environment}. Public only
 * because pgjdbc instantiates it by class name.
 */
public final class NoPasswordPlugin implements AuthenticationPlugin {

    public NoPasswordPlugin() {
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) {
        return null;
    }
}

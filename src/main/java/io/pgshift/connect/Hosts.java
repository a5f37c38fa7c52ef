package io.pgshift.connect;

import io.pgshift.connect.ConnInfo.Host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * libpq's comma-separated host, hostaddr and port lists, paired up into the servers to try.
 *
 * @param list           the servers, in order; at least one
 * @param passfilePorts  each server's port as written, else "5432": libpq searches the password
 *                       file with the text, so "05432" does not match a "5432" line
 */
record Hosts(List<Host> list, List<String> passfilePorts) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");

    static Hosts resolve(Settings s) {
        String hostaddrValue = s.nonEmpty(Keyword.HOSTADDR);
        String hostValue = s.nonEmpty(Keyword.HOST);
        String portValue = s.nonEmpty(Keyword.PORT);
        List<String> addrs = hostaddrValue == null ? null : splitComma(hostaddrValue);
        List<String> names = hostValue == null ? null : splitComma(hostValue);
        int n = addrs != null ? addrs.size() : names != null ? names.size() : 1;
        if (addrs != null && names != null && names.size() != n) {
            throw Settings.usage("could not match " + names.size() + " host names to " + n + " hostaddr values");
        }
        List<String> ports = portValue == null ? null : splitComma(portValue);
        if (ports != null && ports.size() != n) {
            if (ports.size() != 1) {
                throw Settings.usage("could not match " + ports.size() + " port numbers to " + n + " hosts");
            }
            ports = Collections.nCopies(n, ports.get(0));
        }
        List<Host> hosts = new ArrayList<>();
        List<String> passfilePorts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String portText = ports == null ? "" : ports.get(i);
            hosts.add(host(s, addrs == null ? "" : addrs.get(i), names == null ? "" : names.get(i), portText));
            passfilePorts.add(portText.isEmpty() ? String.valueOf(ConnInfo.DEFAULT_PORT) : portText);
        }
        return new Hosts(List.copyOf(hosts), List.copyOf(passfilePorts));
    }

    /** {@code host:port[,host:port...]} with the names the user gave. */
    String describe() {
        StringJoiner j = new StringJoiner(",");
        for (Host h : list) {
            j.add(h.toString());
        }
        return j.toString();
    }

    /** One list entry; an empty address, name or port means "not given" for that position. */
    private static Host host(Settings s, String addr, String name, String portText) {
        String host;
        String hostaddr = null;
        if (!addr.isEmpty()) {
            checkNumericAddress(s, addr);
            hostaddr = addr;
            host = name.isEmpty() ? null : name;
        } else if (!name.isEmpty()) {
            if (name.startsWith("/") || name.startsWith("@")) {
                throw Settings.usage("host \"" + name + "\" is a Unix-domain socket, but pgshift connects"
                        + " over TCP only (pgjdbc cannot use Unix-domain sockets): use the server's host"
                        + " name or address, e.g. host=localhost" + s.from(Keyword.HOST));
            }
            host = name;
        } else {
            host = ConnInfo.DEFAULT_HOST; // libpq would use its Unix socket here; see DEFAULT_HOST
        }
        int port = portText.isEmpty() ? ConnInfo.DEFAULT_PORT : parsePort(s, portText);
        return new Host(host, hostaddr, port);
    }

    private static int parsePort(Settings s, String text) {
        int port = s.parseInt(Keyword.PORT, text);
        if (port < 1 || port > 65535) {
            throw Settings.usage("invalid port number: \"" + text + "\"" + s.from(Keyword.PORT));
        }
        return port;
    }

    /** libpq never looks hostaddr up, so a name there is an error rather than a slow surprise. */
    private static void checkNumericAddress(Settings s, String a) {
        boolean ok = false;
        if (IPV4.matcher(a).matches()) {
            ok = Arrays.stream(a.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
        } else if (IPV6.matcher(a).matches()) {
            try {
                InetAddress.getByName(a); // a literal: parsed, never looked up
                ok = true;
            } catch (UnknownHostException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw Settings.usage("could not parse network address \"" + a + "\" (hostaddr must be a numeric"
                    + " IP address; use host for names)" + s.from(Keyword.HOSTADDR));
        }
    }

    private static List<String> splitComma(String v) {
        return Arrays.asList(v.split(",", -1));
    }
}

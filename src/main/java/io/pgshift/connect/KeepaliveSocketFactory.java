package io.pgshift.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;

import javax.net.SocketFactory;

import jdk.net.ExtendedSocketOptions;

/**
 * Sockets with libpq's keepalive timing: pgjdbc can only switch keepalives on, and then the operating system's
 * defaults apply, which on Linux send the first probe after two hours. A migration whose server vanished behind a
 * firewall would wait that long on an idle session (an index build's, the snapshot's). pgjdbc creates each socket
 * through this factory, named in its {@code socketFactory} property, and hands it the timing as
 * {@code socketFactoryArg}: "idle,interval,count" in seconds, seconds and probes.
 */
public final class KeepaliveSocketFactory extends SocketFactory {
    private final int idle;
    private final int interval;
    private final int count;

    /** Called by pgjdbc with the {@code socketFactoryArg} property. */
    public KeepaliveSocketFactory(String timing) {
        String[] parts = timing.split(",");
        this.idle = Integer.parseInt(parts[0]);
        this.interval = Integer.parseInt(parts[1]);
        this.count = Integer.parseInt(parts[2]);
    }

    static String argument(int idle, int interval, int count) {
        return idle + "," + interval + "," + count;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket s = new Socket();
        s.setKeepAlive(true);
        // Where the platform lacks an option (not Linux or macOS), its own default stays.
        set(s, ExtendedSocketOptions.TCP_KEEPIDLE, idle);
        set(s, ExtendedSocketOptions.TCP_KEEPINTERVAL, interval);
        set(s, ExtendedSocketOptions.TCP_KEEPCOUNT, count);
        return s;
    }

    private static void set(Socket s, java.net.SocketOption<Integer> option, int value) throws SocketException {
        try {
            if (value > 0 && s.supportedOptions().contains(option)) {
                s.setOption(option, value);
            }
        } catch (IOException e) {
            throw new SocketException("cannot set " + option.name() + " to " + value + ": " + e.getMessage());
        }
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new UnsupportedOperationException("pgjdbc connects the socket from createSocket() itself");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
            throws IOException, UnknownHostException {
        throw new UnsupportedOperationException("pgjdbc connects the socket from createSocket() itself");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new UnsupportedOperationException("pgjdbc connects the socket from createSocket() itself");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new UnsupportedOperationException("pgjdbc connects the socket from createSocket() itself");
    }
}

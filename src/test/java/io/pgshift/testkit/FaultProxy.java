package io.pgshift.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a test server that breaks connections on purpose: it cuts or freezes the connection
 * that carries a table's rows once a number of bytes went through it, as a network that drops or stops would.
 * Each connection is forwarded by two threads, one per direction.
 */
public final class FaultProxy implements AutoCloseable {
    /** What happens to the connection that trips the fault. */
    public enum Fault { CUT, STALL }

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile Fault fault;
    private volatile long faultAfterBytes;
    private volatile int faultsLeft;
    private final AtomicLong faultsTripped = new AtomicLong();

    private FaultProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** A proxy to the server, listening on a free local port. */
    public static FaultProxy to(PostgresServer server) throws IOException {
        return new FaultProxy(server.host(), server.port());
    }

    /** A proxy to any server, a managed one's for instance. */
    public static FaultProxy to(String host, int port) throws IOException {
        return new FaultProxy(host, port);
    }

    /** The connection string, with this proxy in the server's place. */
    public String through(String conn, String host, int port) {
        return conn.replace("host=" + host, "host=127.0.0.1").replace("port=" + port, "port=" + port());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** A libpq connection string to the database through this proxy. */
    public String conn(PostgresServer server, String database) {
        return "host=127.0.0.1 port=" + port() + " user=" + server.superuser() + " password='" + server.password()
                + "' dbname=" + database + " sslmode=disable";
    }

    /**
     * Arms the fault: the first {@code times} connections that each carry more than {@code bytes} bytes (in either
     * direction) from now on are cut or frozen.
     */
    public void arm(Fault what, long bytes, int times) {
        links.forEach(l -> l.moved.set(0));
        this.faultAfterBytes = bytes;
        this.faultsLeft = times;
        this.fault = what;
    }

    /** How many connections the fault hit. */
    public long tripped() {
        return faultsTripped.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private synchronized boolean trips(Link link) {
        if (fault == null || faultsLeft == 0 || link.moved.get() < faultAfterBytes) {
            return false;
        }
        faultsLeft--;
        faultsTripped.incrementAndGet();
        return true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        links.forEach(Link::close);
    }

    private final class Link {
        final Socket client;
        final Socket server;
        final AtomicLong moved = new AtomicLong();
        volatile boolean frozen;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            pump(client.getInputStream(), server.getOutputStream(), "up");
            pump(server.getInputStream(), client.getOutputStream(), "down");
        }

        private void pump(InputStream in, OutputStream out, String direction) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        while (frozen) {
                            // A frozen link neither forwards nor closes: the peer waits as on a dead network.
                            Thread.sleep(50);
                        }
                        out.write(buffer, 0, n);
                        moved.addAndGet(n);
                        if (trips(this)) {
                            if (fault == Fault.CUT) {
                                close();
                                return;
                            }
                            frozen = true;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // The other side went away, or the link was cut.
                }
                close();
            }, "fault-proxy-" + direction);
            t.setDaemon(true);
            t.start();
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

package io.chorus.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The round-robin front of a service that runs in several instances, on the service's port. It balances HTTP connections
 * as a Kubernetes Service does: each new connection goes to the next instance, and an instance that refuses connections is
 * passed over (and tried again after {@link #RETRY_DOWN_MS}). The bytes pass through untouched, so the Host header, and
 * with it every Location and link the services answer, names the front.
 */
public final class HttpFront implements Component {

    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final long RETRY_DOWN_MS = 1_000;

    private final String name;
    private final int port;
    private final Path log;
    private final List<Integer> backends = new CopyOnWriteArrayList<>();
    private final Map<Integer, Long> downUntil = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, AtomicInteger> connections = new ConcurrentHashMap<>();
    private volatile ServerSocket server;
    private ExecutorService pumps;

    public HttpFront(String name, int port, List<Integer> backendPorts, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
        backendPorts.forEach(this::add);
    }

    /** Another instance to send connections to (a replica started later). */
    public void add(int backendPort) {
        backends.add(backendPort);
        connections.putIfAbsent(backendPort, new AtomicInteger());
    }

    /** How many connections each instance's port was given. */
    public Map<Integer, Integer> connectionsByBackend() {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        connections.forEach((backend, count) -> counts.put(backend, count.get()));
        return counts;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("0.0.0.0", port), 512);
        server = socket;
        pumps = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, name + "-front");
            thread.setDaemon(true);
            return thread;
        });
        pumps.execute(this::accept);
    }

    private void accept() {
        ServerSocket listening = server;
        while (listening != null && !listening.isClosed()) {
            try {
                Socket client = listening.accept();
                pumps.execute(() -> route(client));
            } catch (IOException closed) {
                return;
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                return;
            }
        }
    }

    private void route(Socket client) {
        Socket backend = connectToNext();
        if (backend == null) {
            close(client); // no instance takes connections: the client sees the connection closed, as with a service down
            return;
        }
        open.add(client);
        open.add(backend);
        AtomicInteger directionsEnded = new AtomicInteger();
        try {
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            pumps.execute(() -> pump(backend, client, directionsEnded));
            pump(client, backend, directionsEnded);
        } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
            close(client);
            close(backend);
        }
    }

    /** The next instance in turn that accepts a connection, or null if none does. */
    private Socket connectToNext() {
        int count = backends.size();
        for (int attempt = 0; attempt < count * 2; attempt++) {
            int backendPort = backends.get(Math.floorMod(next.getAndIncrement(), count));
            boolean lastChance = attempt >= count;
            if (!lastChance && downUntil.getOrDefault(backendPort, 0L) > System.currentTimeMillis()) {
                continue;
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("localhost", backendPort), CONNECT_TIMEOUT_MS);
                downUntil.remove(backendPort);
                connections.get(backendPort).incrementAndGet();
                return socket;
            } catch (IOException refused) {
                downUntil.put(backendPort, System.currentTimeMillis() + RETRY_DOWN_MS);
                close(socket);
            }
        }
        return null;
    }

    /** Copies one direction until it ends and ends it on the other side too; the connection closes once both ended. */
    private void pump(Socket from, Socket to, AtomicInteger directionsEnded) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
            }
            to.shutdownOutput();
            if (directionsEnded.incrementAndGet() == 2) {
                close(from);
                close(to);
            }
        } catch (IOException broken) {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public synchronized void stop() {
        ServerSocket listening = server;
        server = null;
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
        open.forEach(this::close);
        if (pumps != null) {
            pumps.shutdownNow();
        }
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public boolean alive() {
        ServerSocket listening = server;
        return listening != null && !listening.isClosed();
    }

    @Override
    public void crash() {
        stop();
    }
}

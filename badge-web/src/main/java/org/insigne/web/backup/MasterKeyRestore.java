package org.insigne.web.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Puts a backup's development master key into {@code insigne.data-dir} before anything reads the key, when
 * {@code insigne.backup.restore-from} names a backup that holds one and no key is configured: the key must be
 * in place before the application would generate a new one, or the restored signing keys could not be opened.
 * A different key already in the data directory is never overwritten: the start stops and says so.
 */
class MasterKeyRestore implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String source = environment.getProperty("insigne.backup.restore-from", "");
        String dataDir = environment.getProperty("insigne.data-dir", "");
        if (source.isBlank() || dataDir.isBlank() || !environment.getProperty("insigne.keys.master-key", "").isBlank()) {
            return;
        }
        try (ZipFile zip = new ZipFile(source)) {
            ZipEntry entry = zip.getEntry(BackupManifest.MASTER_KEY_ENTRY);
            if (entry == null) {
                return;
            }
            byte[] key;
            try (InputStream in = zip.getInputStream(entry)) {
                key = in.readNBytes(1024);
            }
            place(Path.of(dataDir).resolve(BackupManifest.MASTER_KEY_ENTRY), key);
        } catch (IOException e) {
            // The restore itself reports an unreadable backup, with the same file name.
        }
    }

    static void place(Path file, byte[] key) {
        try {
            if (Files.exists(file)) {
                if (!Arrays.equals(Files.readAllBytes(file), key)) {
                    throw new RestoreRefused(file + " holds another master key than the backup's; move it away "
                            + "to restore this backup");
                }
                return;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, key);
            try {
                Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect it.
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.ringside.bootstrap.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Where Ringside keeps its embedded database: {@code RINGSIDE_DATA_DIR} (property
 * {@code ringside.data-dir}, read by {@link DataProperties}), {@code ./data} by default. Demo
 * mode keeps its own database and generated key in {@code demo/} inside it, so real credentials
 * never meet demo tokens.
 *
 * @param root the directory, absolute: H2 refuses a path that is only implicitly relative
 */
public record DataDirectory(Path root) {

    public static final String PROPERTY = "ringside.data-dir";

    public DataDirectory {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** The directory the database (and, in demo mode, the key) lives in. */
    public Path databaseDirectory(boolean demo) {
        return demo ? root.resolve("demo") : root;
    }

    /** The H2 file database's JDBC URL; H2 adds {@code .mv.db} to the file name itself. */
    public String h2Url(boolean demo) {
        return "jdbc:h2:file:" + databaseDirectory(demo).resolve("ringside");
    }

    public Path demoKeyFile() {
        return databaseDirectory(true).resolve("encryption.key");
    }

    /**
     * Creates the database directory if it is missing, for its owner only: the database holds
     * callers' names, numbers and notes. An existing directory is left as its owner set it.
     */
    public Path createIfMissing(boolean demo) {
        Path directory = databaseDirectory(demo);
        try {
            createOwnerOnly(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the data directory " + directory
                    + "; set RINGSIDE_DATA_DIR to a writable folder", e);
        }
        return directory;
    }

    static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        Files.createDirectories(directory, ownerOnly);
    }
}

package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Demo mode's encryption key: generated once into its file, readable by the owner only, and
 * reused on every later start, so the demo database stays readable across restarts.
 */
public final class DemoKeyFile {

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private DemoKeyFile() {
    }

    /** Whether {@link #loadOrCreate} found the file or had to make it. */
    public record Loaded(EncryptionKey key, boolean created) {
    }

    public static Loaded loadOrCreate(Path file, SecureRandom random) {
        try {
            if (Files.notExists(file)) {
                try {
                    EncryptionKey key = EncryptionKey.generate(random);
                    create(file, key);
                    return new Loaded(key, true);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another start made it between our check and our create: use theirs
                }
            }
            return new Loaded(read(file), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the demo encryption key " + file
                    + "; check that the data directory (RINGSIDE_DATA_DIR) is writable", e);
        }
    }

    private static void create(Path file, EncryptionKey key) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        DataDirectory.createOwnerOnly(file.toAbsolutePath().getParent());
        // CREATE_NEW with the permissions as a creation attribute: never a moment with a readable key, never an overwrite.
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)} : new FileAttribute<?>[0];
        Files.createFile(file, ownerOnly);
        Files.writeString(file, key.toBase64() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    }

    private static EncryptionKey read(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_READ_WRITE)) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE); // someone loosened it: a key is for its owner only
        }
        try {
            return EncryptionKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new InvalidEncryptionKeyException("The demo encryption key file " + file + " is damaged.",
                    "Delete the folder " + file.getParent() + " to start the demo afresh "
                            + "(the demo database there can only be read with that key).", e);
        }
    }
}

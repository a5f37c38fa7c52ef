package io.pgshift.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * A file written under a name of its own, FILE.partial, that gets its real name only once it is whole: a failed or
 * interrupted dump or script must not leave a file that looks whole. Used by {@code dump -f} and {@code restore -f}.
 */
final class PartialFile {
    private PartialFile() {
    }

    /** What writes the file's contents. */
    @FunctionalInterface
    interface Contents<T> {
        T write(OutputStream out) throws IOException;
    }

    /**
     * Writes the file under its partial name and gives it its name once the contents are whole; after a failure the
     * partial file is removed and the failure passes on, a write error as one naming the file.
     *
     * @param what what the file holds, for messages: "dump", "script"
     */
    static <T> T write(Path file, String what, Contents<T> contents) {
        Path partial = create(file, what);
        T result;
        try (OutputStream out = Files.newOutputStream(partial)) {
            result = contents.write(out);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e instanceof IOException io
                    ? new PgShiftException(ErrorCode.IO, "cannot write " + file + ": " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
        publish(partial, file, what);
        return result;
    }

    /**
     * A new file beside {@code file}, readable by its owner only, to write into. An existing {@code file} is refused
     * now, before anything is read.
     *
     * @param what what the file holds, for messages: "dump", "script"
     */
    static Path create(Path file, String what) {
        if (Files.exists(file)) {
            throw new PgShiftException(ErrorCode.IO, file + " already exists; choose a new file name");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return partial;
        } catch (FileAlreadyExistsException e) {
            throw new PgShiftException(ErrorCode.IO, partial + " already exists: another " + what + " may be writing "
                    + "it; remove it if none is", e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot create " + partial + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the whole file its name. A file of that name that appeared meanwhile is not overwritten; the work then
     * stays, whole, under its partial name, and the message says so.
     */
    static void publish(Path partial, Path file, String what) {
        try {
            try {
                Files.createLink(file, partial);
                Files.delete(partial);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException exists) {
                    throw exists;
                }
                // A file system without hard links: a move, which does not replace an existing file either.
                Files.move(partial, file);
            }
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "the " + what + " is whole in " + partial + " but could not be "
                    + "named " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Nothing more to do: the name says it is partial.
        }
    }
}

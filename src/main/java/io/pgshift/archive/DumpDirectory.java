package io.pgshift.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;

/**
 * A dump in directory form: manifest.json plus one data file per table, readable by their owner only,
 * because a dump holds all of a database's data.
 */
public final class DumpDirectory {
    private static final String DATA = "data";

    private final Path root;

    private DumpDirectory(Path root) {
        this.root = root;
    }

    /** Creates the directory for a new dump; an existing dump, or any non-empty directory, is refused. */
    public static DumpDirectory create(Path root) {
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new PgShiftException(ErrorCode.IO, root + " already exists and is not empty"
                                + (Files.exists(root.resolve(Manifest.FILE_NAME)) ? " (it holds a dump)" : "")
                                + "; choose a new directory");
                    }
                }
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            } else {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectory(root.resolve(DATA),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return new DumpDirectory(root);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new PgShiftException(ErrorCode.IO, root + " already exists; choose a new directory", e);
        } catch (NoSuchFileException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot create " + root + ": its parent directory does not exist", e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot create " + root + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing dump for reading; its manifest is checked by {@link ManifestFile#read}. */
    public static DumpDirectory open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new PgShiftException(ErrorCode.IO, root + " is not a dump directory");
        }
        return new DumpDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Manifest manifest() {
        return ManifestFile.read(root);
    }

    public void writeManifest(Manifest manifest) {
        try {
            ManifestFile.write(root, manifest);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write " + root.resolve(Manifest.FILE_NAME) + ": "
                    + e.getMessage(), e);
        }
    }

    /** A new data file for one table; the caller writes COPY data and closes it to learn its checksum. */
    public DataSink newDataFile(ObjectRef entry, String table, String copyTarget, int number, String format,
                                Compression compression) throws IOException {
        String name = DATA + "/" + String.format("%05d", number) + ".copy" + compression.suffix();
        Path file = root.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new DataSink(file, name, entry, table, copyTarget, format, compression);
    }

    /** The decompressed rows of a data file, checked against the manifest as they are read. */
    public VerifiedData openDataFile(DataFile dataFile) {
        Path file = root.resolve(dataFile.path());
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
            VerifyingInputStream verifying = new VerifyingInputStream(raw, dataFile);
            return new VerifiedData(dataFile.compression().decompress(verifying), verifying);
        } catch (NoSuchFileException e) {
            throw new PgShiftException(ErrorCode.IO, "data file " + dataFile.path() + " of " + dataFile.table()
                    + " is missing from " + root, e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read data file " + dataFile.path() + " of "
                    + dataFile.table() + ": " + e.getMessage(), e);
        }
    }

    /** Decompressed data plus the check that the whole file was intact. */
    public record VerifiedData(InputStream rows, VerifyingInputStream file) implements AutoCloseable {
        public void verifyToEnd() throws IOException {
            file.verifyToEnd();
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    /** Receives one table's COPY data; counts, compresses and hashes it. */
    public static final class DataSink extends OutputStream {
        private final Path file;
        private final String name;
        private final ObjectRef entry;
        private final String table;
        private final String copyTarget;
        private final String format;
        private final Compression compression;
        private final OutputStream fileStream;
        private final HashingOutputStream stored;
        private final OutputStream out;
        private long bytes;

        private DataSink(Path file, String name, ObjectRef entry, String table, String copyTarget, String format,
                         Compression compression) throws IOException {
            this.file = file;
            this.name = name;
            this.entry = entry;
            this.table = table;
            this.copyTarget = copyTarget;
            this.format = format;
            this.compression = compression;
            this.fileStream = Files.newOutputStream(file);
            this.stored = new HashingOutputStream(new BufferedOutputStream(fileStream, 256 * 1024));
            this.out = compression.compress(stored);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        /**
         * Closes the file even when the compressor's last write fails (a full disk): zstd then leaves the stream
         * beneath it open, and the file would stay open until the JVM ends.
         */
        @Override
        public void close() throws IOException {
            try {
                out.close();
            } finally {
                fileStream.close();
            }
        }

        public Path file() {
            return file;
        }

        /** The manifest's record of this file; call after {@link #close()}. */
        public DataFile describe(long rows) {
            return new DataFile(entry, table, copyTarget, name, format, compression, rows, bytes, stored.count(),
                    stored.hex());
        }
    }
}

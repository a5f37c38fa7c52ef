package io.pgshift.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/** Reads and writes manifest.json, refusing versions this build does not know. */
public final class ManifestFile {
    /** The field that holds the manifest's digest. */
    static final String SEAL = "manifestSha256";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestFile() {
    }

    /** The manifest's JSON, sealed by a digest of its contents ({@value #SEAL}). */
    public static String toJson(Manifest manifest) {
        try {
            ObjectNode tree = JSON.valueToTree(manifest);
            tree.put(SEAL, digest(tree));
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot write the manifest: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The SHA-256 of the manifest's fields as compact JSON, in their order. The data files carry checksums of their
     * own; this one covers the statements, so that one flipped bit cannot turn {@code < 1000} into {@code < 9000}.
     */
    private static String digest(JsonNode tree) throws JsonProcessingException {
        byte[] json = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Any manifest part (a data file's header or trailer) as compact JSON. */
    static String json(Object value) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot write the manifest: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T parse(String json, Class<T> type, String where) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.IO, where + " is damaged: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the manifest last and atomically: a dump without a manifest is recognisably incomplete, so a
     * dump that was interrupted can never be restored as if it were whole.
     */
    public static void write(Path directory, Manifest manifest) throws IOException {
        Path temp = directory.resolve(Manifest.FILE_NAME + ".partial");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, toJson(manifest));
        Files.move(temp, directory.resolve(Manifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    public static Manifest read(Path directory) {
        Path file = directory.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new PgShiftException(ErrorCode.IO, directory + " is not a complete pgshift dump: it has no "
                    + Manifest.FILE_NAME + " (the dump may have been interrupted)");
        }
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Manifest fromJson(String json, String where) {
        try {
            JsonNode tree = JSON.readTree(json);
            int version = tree.path("formatVersion").asInt(-1);
            if (version < 1 || version > Manifest.FORMAT_VERSION) {
                throw new PgShiftException(ErrorCode.IO, where + " has dump format version " + version
                        + ", which this pgshift cannot read (it reads versions 1 to " + Manifest.FORMAT_VERSION + ")");
            }
            // Dumps made before the seal have none, and are read as they were.
            if (tree instanceof ObjectNode fields && fields.has(SEAL)) {
                String sealed = fields.remove(SEAL).asText();
                if (!sealed.equals(digest(fields))) {
                    throw new PgShiftException(ErrorCode.IO, where + " is damaged: its contents no longer match the "
                            + "checksum they were written with; nothing was restored");
                }
            }
            return JSON.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.IO, where + " is not a valid manifest: " + e.getOriginalMessage(), e);
        }
    }
}

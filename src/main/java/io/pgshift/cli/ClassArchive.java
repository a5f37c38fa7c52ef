package io.pgshift.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The training run of the launcher's class-data-sharing archive: loads, without initialising, every pgshift
 * class and the JDK and library classes a copy was seen to load ({@code archived-classes.txt}), so that the JVM
 * started with {@code -XX:ArchiveClassesAtExit} records them. Later runs map the archive instead of reading,
 * verifying and parsing about three thousand classes: a third off the fixed cost of every run. Nothing here
 * connects anywhere or prints.
 */
public final class ClassArchive {
    private ClassArchive() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        ClassLoader loader = ClassArchive.class.getClassLoader();
        Path self = Path.of(ClassArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile jar = new JarFile(self.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith("io/pgshift/") && name.endsWith(".class")) {
                    load(name.substring(0, name.length() - ".class".length()), loader);
                }
            }
        }
        try (InputStream in = ClassArchive.class.getResourceAsStream("archived-classes.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    load(line.strip(), loader);
                }
            }
        }
        // Every run builds the command tree, walking every option's annotations by reflection.
        Main.commandLine().getUsageMessage();
    }

    private static void load(String internalName, ClassLoader loader) {
        try {
            Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (LinkageError | ClassNotFoundException e) {
            // Gone from this JDK or library version, or needing an optional library pgshift does not ship:
            // a real run would not load it either.
        }
    }
}

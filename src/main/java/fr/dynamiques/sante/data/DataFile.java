package fr.dynamiques.sante.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A data file shipped in the application (the COG, the demo registry) and its SHA-256: loaders record the
 * checksum of what they loaded, and load again only a file that changed.
 */
public record DataFile(String resource, byte[] bytes, String sha256) {

    public static DataFile read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Data file not found on the classpath: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            return new DataFile(resource, bytes, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.relocmatch.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key the issuer signs tokens with. With {@code relocmatch.issuer.key-file} set (the local run
 * keeps it in its data folder), the key is drawn once into that file and read back at every start,
 * so tokens issued before a restart stay valid; without it (the tests), a new key per start.
 */
@Configuration(proxyBeanMethods = false)
class SigningKey {

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${relocmatch.issuer.key-file:}") String keyFile) {
        RSAKey key = keyFile.isBlank() ? generate() : kept(Path.of(keyFile));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    static RSAKey kept(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return key;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the issuer's signing key in " + file, e);
        }
        catch (ParseException e) {
            throw new IllegalStateException("The issuer's signing key in " + file + " is not a JSON Web Key: "
                    + e.getMessage(), e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Cannot draw a signing key", e);
        }
    }
}

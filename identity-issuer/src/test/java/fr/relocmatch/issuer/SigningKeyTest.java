package fr.relocmatch.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's issuer keeps its signing key: tokens issued before a restart stay valid. */
class SigningKeyTest {

    @TempDir
    Path folder;

    @Test
    void theKeyDrawnAtFirstStartIsTheOneReadBackAtTheNext() throws Exception {
        Path file = folder.resolve("data/issuer-key.json");
        RSAKey first = SigningKey.kept(file);
        RSAKey second = SigningKey.kept(file);

        assertThat(first.isPrivate()).isTrue();
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFileThatIsNotAKeyIsNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("issuer-key.json"), "not a key");
        assertThatThrownBy(() -> SigningKey.kept(file)).hasMessageContaining(file.toString()).hasMessageContaining("JSON Web Key");
    }
}

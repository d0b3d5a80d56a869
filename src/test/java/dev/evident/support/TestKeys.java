package dev.evident.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed signing key in a PKCS#12 keystore, and its certificate as PEM, for tests.
 */
public record TestKeys(Path keystore, String alias, String password, Path certificatePem, X509Certificate certificate) {

	public static TestKeys create(Path dir, String commonName) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=" + commonName);
			Instant now = Instant.now();
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
						Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name,
						pair.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			String password = "test-keystore-password";
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("signer", pair.getPrivate(), password.toCharArray(), new Certificate[] { certificate });
			Files.createDirectories(dir);
			Path keystore = dir.resolve(commonName.replace(' ', '-') + ".p12");
			try (OutputStream out = Files.newOutputStream(keystore)) {
				store.store(out, password.toCharArray());
			}
			Path pem = dir.resolve(commonName.replace(' ', '-') + ".pem");
			Files.writeString(pem,
					"-----BEGIN CERTIFICATE-----\n"
							+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
							+ "\n-----END CERTIFICATE-----\n");
			return new TestKeys(keystore, "signer", password, pem, certificate);
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

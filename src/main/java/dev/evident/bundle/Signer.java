package dev.evident.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS (PKCS#7) signatures over manifest.json, DER-encoded in manifest.json.p7s,
 * so that
 * {@code openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json}
 * checks them without Evident.
 */
public final class Signer {

	public static final String SIGNATURE = "manifest.json.p7s";

	public static final String PASSWORD_VARIABLE = "EVIDENT_SIGN_PASSWORD";

	private Signer() {
	}

	/** A signing key and its certificate, read from a PKCS#12 keystore. */
	public record SigningKey(PrivateKey key, X509Certificate certificate) {

		public static SigningKey load(Path keystore, String alias, char[] password) {
			try (InputStream in = Files.newInputStream(keystore)) {
				KeyStore ks = KeyStore.getInstance("PKCS12");
				ks.load(in, password);
				if (!ks.isKeyEntry(alias)) {
					throw new IllegalArgumentException(
							"--sign-alias: the keystore " + keystore + " has no key named '" + alias + "'");
				}
				return new SigningKey((PrivateKey) ks.getKey(alias, password),
						(X509Certificate) ks.getCertificate(alias));
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("--sign-keystore " + keystore
						+ " cannot be opened: a wrong password in " + PASSWORD_VARIABLE + ", or not a PKCS#12 file");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalArgumentException("--sign-keystore " + keystore + ": " + ex.getMessage());
			}
		}
	}

	public static byte[] sign(byte[] content, SigningKey signing) {
		try {
			String algorithm = "EC".equals(signing.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.build(new JcaContentSignerBuilder(algorithm).build(signing.key()), signing.certificate()));
			generator.addCertificates(new JcaCertStore(List.of(signing.certificate())));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException ex) {
			throw new IllegalStateException("cannot sign the manifest: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Checks a detached signature over content; trusted (optional) must be the signer or
	 * its issuer.
	 */
	public static Verification verify(byte[] content, byte[] signature, X509Certificate trusted) {
		if (content == null) {
			return new Verification(false, null, false, "there is no manifest.json to verify the signature against");
		}
		try {
			CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), firstObject(signature));
			SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			X509CertificateHolder holder = (X509CertificateHolder) signed.getCertificates()
				.getMatches(signer.getSID())
				.iterator()
				.next();
			boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
			String subject = certificate.getSubjectX500Principal().getName();
			boolean isTrusted = trusted != null && issuedBy(certificate, trusted);
			return new Verification(valid, subject, isTrusted,
					valid ? "signed by " + subject : "the signature does not match manifest.json");
		}
		catch (CMSException ex) {
			return new Verification(false, null, false,
					"the signature does not match manifest.json: " + ex.getMessage());
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException | RuntimeException ex) {
			return new Verification(false, null, false, "the signature cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * The signature without padding: a PDF's signature field is zero-filled after the DER
	 * object.
	 */
	private static byte[] firstObject(byte[] signature) throws IOException {
		try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(signature)) {
			return in.readObject().getEncoded();
		}
	}

	private static boolean issuedBy(X509Certificate certificate, X509Certificate trusted) {
		if (certificate.equals(trusted)) {
			return true;
		}
		try {
			certificate.verify(trusted.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** The outcome of a signature check. */
	public record Verification(boolean valid, String signer, boolean trusted, String message) {
	}

}

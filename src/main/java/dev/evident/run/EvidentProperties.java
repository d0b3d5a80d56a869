package dev.evident.run;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Evident's settings under {@code evident.*} (each also an environment variable:
 * {@code EVIDENT_PARALLELISM}, {@code EVIDENT_IAM_REPORT_POLL_MAX}...), with their
 * defaults written once, here. The AWS clients' settings are {@code AwsProperties}
 * ({@code evident.aws.*}).
 *
 * @param parallelism AWS requests in flight at once, and the findings chains run at once
 * ({@code --parallelism})
 * @param version the tool version written into the manifest and the report
 * @param templatesDir a folder whose files replace the bundled report templates
 * ({@code --templates}); blank: none
 * @param mappingsDir a folder of controls and frameworks added to the built-in ones
 * ({@code --mappings}); blank: none
 * @param controlOverrides {@code control.param=value} overrides for one run
 * ({@code --set})
 * @param sign the manifest's signing key
 * @param lock the run lock on a shared store
 * @param iam how long to wait for a credential report
 * @param inspector how long to wait for a findings report
 * @param artifact which Artifact documents to download
 */
@ConfigurationProperties("evident")
public record EvidentProperties(@DefaultValue(EvidentProperties.DEFAULT_PARALLELISM) int parallelism,
		@DefaultValue("dev") String version, @DefaultValue("") String templatesDir,
		@DefaultValue("") String mappingsDir, @DefaultValue List<String> controlOverrides, @DefaultValue Sign sign,
		@DefaultValue Lock lock, @DefaultValue Iam iam, @DefaultValue Inspector inspector,
		@DefaultValue Artifact artifact) {

	/** The default of {@code --parallelism}. */
	public static final String DEFAULT_PARALLELISM = "4";

	/**
	 * @param keystore a PKCS#12 keystore; blank: the manifest is not signed
	 * @param alias the key in it
	 * @param password its password, from the environment ({@code EVIDENT_SIGN_PASSWORD})
	 */
	public record Sign(@DefaultValue("") String keystore, @DefaultValue("") String alias,
			@DefaultValue("") String password) {

		public boolean enabled() {
			return !keystore.isBlank();
		}

		@Override
		public String toString() {
			return "Sign[keystore=" + keystore + ", alias=" + alias + "]";
		}

	}

	/**
	 * @param staleAfter when a dead run's lock on a shared store is taken over
	 */
	public record Lock(@DefaultValue("PT2M") Duration staleAfter) {
	}

	/**
	 * @param reportPollInitial the first wait for a credential report
	 * @param reportPollMax the longest wait between two polls
	 * @param reportPollAttempts polls before the report is a gap (ReportNotReady)
	 */
	public record Iam(@DefaultValue("PT0.2S") Duration reportPollInitial, @DefaultValue("PT10S") Duration reportPollMax,
			@DefaultValue("12") int reportPollAttempts) {
	}

	/**
	 * @param reportPollInitial the first wait for a findings report
	 * @param reportPollMax the longest wait between two polls
	 * @param reportTimeout the longest a findings report may take
	 */
	public record Inspector(@DefaultValue("PT2S") Duration reportPollInitial,
			@DefaultValue("PT30S") Duration reportPollMax, @DefaultValue("PT2H") Duration reportTimeout) {
	}

	/**
	 * @param documents {@code all}, {@code none} or a series
	 * ({@code --artifact-documents})
	 */
	public record Artifact(@DefaultValue("all") String documents) {
	}

}

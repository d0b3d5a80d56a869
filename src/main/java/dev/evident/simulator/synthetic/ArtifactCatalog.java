package dev.evident.simulator.synthetic;

import dev.evident.simulator.data.DataFile.ReportSpec;
import dev.evident.simulator.data.Ids;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Artifact reports of a synthetic organization: fifteen distinct reports, then older
 * versions of them a year apart.
 */
final class ArtifactCatalog {

	private static final String ATTESTATION = "Certifications and Attestations";

	private record Template(String name, String series, String category, int startDaysAgo, int endDaysAgo,
			String description) {
	}

	private static final List<Template> TEMPLATES = List.of(
			new Template("SOC 2 Type II Report", "SOC 2", ATTESTATION, 290, 107,
					"SOC 2 Type II report covering Security Availability and Confidentiality"),
			new Template("SOC 1 Type II Report", "SOC 1", ATTESTATION, 290, 107,
					"SOC 1 Type II report on internal controls over financial reporting"),
			new Template("SOC 3 Report", "SOC 3", ATTESTATION, 290, 107, "SOC 3 general use report"),
			new Template("ISO IEC 27001 Certificate", "ISO 27001", ATTESTATION, 400, -695,
					"ISO IEC 27001 2022 certificate of registration"),
			new Template("ISO IEC 27017 Certificate", "ISO 27017", ATTESTATION, 400, -695,
					"ISO IEC 27017 cloud security controls certificate"),
			new Template("ISO IEC 27018 Certificate", "ISO 27018", ATTESTATION, 400, -695,
					"ISO IEC 27018 personal data protection certificate"),
			new Template("ISO 9001 Certificate", "ISO 9001", ATTESTATION, 500, -595,
					"ISO 9001 quality management certificate"),
			new Template("ISO 22301 Certificate", "ISO 22301", ATTESTATION, 450, -645,
					"ISO 22301 business continuity certificate"),
			new Template("PCI DSS Attestation of Compliance", "PCI DSS", ATTESTATION, 200, -165,
					"PCI DSS v4 0 Attestation of Compliance for service providers"),
			new Template("PCI DSS Responsibility Summary", "PCI DSS", "Security and Compliance Reports", 200, -165,
					"Shared responsibility summary for PCI DSS"),
			new Template("C5 Type 2 Report", "C5", ATTESTATION, 380, 15,
					"BSI Cloud Computing Compliance Criteria Catalogue attestation"),
			new Template("CSA STAR Level 2 Certificate", "CSA STAR", ATTESTATION, 300, -430,
					"Cloud Security Alliance STAR certification"),
			new Template("FedRAMP Moderate Package", "FedRAMP", "Security and Compliance Reports", 330, -35,
					"FedRAMP Moderate security package summary"),
			new Template("ENS High Certificate", "ENS", ATTESTATION, 260, -470,
					"Esquema Nacional de Seguridad high category certificate"),
			new Template("HITRUST CSF Letter", "HITRUST", ATTESTATION, 350, -380, "HITRUST CSF certification letter"));

	private ArtifactCatalog() {
	}

	static List<ReportSpec> reports(int count, long seed) {
		List<ReportSpec> reports = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Template t = TEMPLATES.get(i % TEMPLATES.size());
			int generation = i / TEMPLATES.size();
			int shift = 365 * generation;
			reports.add(new ReportSpec("report-" + Ids.of("", seed + "/report/" + i, 16),
					t.name() + (generation == 0 ? "" : " (" + generation + " year(s) earlier)"), t.description(),
					t.series(), t.category(), Math.max(1, 6 - generation), t.startDaysAgo() + shift,
					t.endDaysAgo() + shift, null));
		}
		return reports;
	}

}

package dev.evident.artifact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentSelectionTest {

	@Test
	void allIsTheDefault() {
		assertThat(DocumentSelection.parse(null).includes("SOC 2")).isTrue();
		assertThat(DocumentSelection.parse("all").includes("anything")).isTrue();
	}

	@Test
	void noneListsWithoutDownloading() {
		assertThat(DocumentSelection.parse("none").includes("SOC 2")).isFalse();
	}

	@Test
	void namedSeriesAreDownloadedAndOthersAreNot() {
		DocumentSelection selection = DocumentSelection.parse("SOC 2, pci dss");
		assertThat(selection.includes("SOC 2")).isTrue();
		assertThat(selection.includes("PCI DSS")).isTrue();
		assertThat(selection.includes("SOC 1")).isFalse();
		assertThat(selection.includes(null)).isFalse();
	}

}

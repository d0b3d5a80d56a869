package dev.evident.control;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.MappingFiles.MappingFile;

/**
 * Loads the mappings: the built-in controls and frameworks, then a user's folder whose
 * files add to them or replace built-in ones with the same id, then per-run parameter
 * overrides. Everything is validated before a run starts; the first problem is reported
 * with its file, line and field.
 */
public class MappingsLoader {

	private final Map<String, Check> checks;

	public MappingsLoader(Map<String, Check> checksById) {
		this.checks = checksById;
	}

	public ControlCatalog load(Path dir, List<String> parameterOverrides) {
		ControlCatalogLoader controlLoader = new ControlCatalogLoader(checks);
		Map<String, Control> controls = new LinkedHashMap<>();
		readControls(MappingFiles.builtIn("controls"), controlLoader, controls);
		readControls(MappingFiles.in(dir, "controls"), controlLoader, controls);
		ParameterOverrides.apply(parameterOverrides, controls, controlLoader);
		Map<String, Framework> frameworks = new LinkedHashMap<>();
		FrameworkLoader frameworkLoader = new FrameworkLoader();
		for (List<MappingFile> files : List.of(MappingFiles.builtIn("frameworks"),
				MappingFiles.in(dir, "frameworks"))) {
			Map<String, String> inThisFolder = new LinkedHashMap<>();
			for (MappingFile file : files) {
				Framework f = frameworkLoader.parse(file, controls.keySet());
				if (inThisFolder.containsKey(f.id())) {
					throw new MappingException(file.name(), MappingYaml.lineOf(file.text(), "id:"), "framework.id",
							"duplicate framework id " + f.id() + ", also in " + inThisFolder.get(f.id()));
				}
				inThisFolder.put(f.id(), file.name());
				frameworks.put(f.id(), f);
			}
		}
		return new ControlCatalog(List.copyOf(controls.values()), List.copyOf(frameworks.values()));
	}

	/**
	 * Reads one folder's controls; an id twice in the same folder is an error, a later
	 * folder overrides.
	 */
	private static void readControls(List<MappingFile> files, ControlCatalogLoader loader,
			Map<String, Control> controls) {
		Map<String, String> inThisFolder = new LinkedHashMap<>();
		for (MappingFile file : files) {
			Control c = loader.parse(file);
			if (inThisFolder.containsKey(c.id())) {
				throw new MappingException(file.name(), MappingYaml.lineOf(file.text(), "id:"), "id",
						"duplicate control id " + c.id() + ", also in " + inThisFolder.get(c.id()));
			}
			inThisFolder.put(c.id(), file.name());
			controls.put(c.id(), c);
		}
	}

}

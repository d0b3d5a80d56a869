package dev.evident.control;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The built-in checks without a running application, for validating mappings from the
 * command line: each check is created with no store, which is enough to know its id and
 * parameters.
 */
public final class Checks {

	private Checks() {
	}

	public static CheckRegistry forValidation() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Check.class));
		List<Check> checks = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("dev.evident.control.checks")) {
			try {
				Class<?> type = Class.forName(definition.getBeanClassName());
				Constructor<?> constructor = type.getConstructors()[0];
				checks.add((Check) constructor.newInstance(new Object[constructor.getParameterCount()]));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot create check " + definition.getBeanClassName(), ex);
			}
		}
		return new CheckRegistry(checks);
	}

}

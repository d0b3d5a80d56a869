package dev.evident.inspector;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The reader of one findings chain: ListFindings pages ({@link FindingsPageReader}) or a
 * findings report ({@link FindingsExportReader}), chosen when the chain's step starts. A
 * class rather than the interface, so that the step-scoped bean's type is one Spring
 * Batch can inspect for listeners without warning on every run.
 */
public class FindingsChainReader implements ItemStreamReader<FindingsItem> {

	private final ItemStreamReader<FindingsItem> delegate;

	public FindingsChainReader(ItemStreamReader<FindingsItem> delegate) {
		this.delegate = delegate;
	}

	@Override
	public FindingsItem read() throws Exception {
		return delegate.read();
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		delegate.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) throws ItemStreamException {
		delegate.update(executionContext);
	}

	@Override
	public void close() throws ItemStreamException {
		delegate.close();
	}

}

package dev.evident.simulator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Offset-based pagination with opaque tokens. */
public final class Pagination {

	/** One page and the token for the next one (null on the last page). */
	public record Page<T>(List<T> items, String nextToken) {
		public boolean truncated() {
			return nextToken != null;
		}
	}

	private static final String PREFIX = "evident-sim:";

	/**
	 * The page size cap of the request being served (see
	 * {@code FaultHook.pageSizeLimit}).
	 */
	private static final ThreadLocal<Integer> LIMIT = ThreadLocal.withInitial(() -> Integer.MAX_VALUE);

	private Pagination() {
	}

	/**
	 * Returns the page starting at {@code token}. {@code maxResults} null uses
	 * {@code defaultSize}; values above {@code hardMax} are capped.
	 */
	public static <T> Page<T> page(List<T> all, String token, Integer maxResults, int defaultSize, int hardMax,
			Protocol protocol) {
		return page(all, token, maxResults, defaultSize, hardMax, protocol::invalidInput);
	}

	/**
	 * As {@link #page(List, String, Integer, int, int, Protocol)}, with the service's own
	 * error for a malformed size or token (Shield's
	 * {@code InvalidPaginationTokenException}).
	 */
	public static <T> Page<T> page(List<T> all, String token, Integer maxResults, int defaultSize, int hardMax,
			Function<String, SimException> invalid) {
		int size = maxResults == null ? defaultSize : maxResults;
		if (size < 1) {
			throw invalid.apply("MaxResults must be at least 1");
		}
		size = capped(Math.min(size, hardMax));
		int from = token == null || token.isEmpty() ? 0 : decode(token, invalid);
		if (from > all.size()) {
			throw invalid.apply("Invalid pagination token");
		}
		int to = Math.min(all.size(), from + size);
		return new Page<>(all.subList(from, to), to < all.size() ? encode(to) : null);
	}

	/**
	 * Returns the next {@code maxResults} items of {@code all} that {@code filter}
	 * accepts, scanning from the position in {@code token}; the next token is the
	 * position of the next accepted item (null when there is none). A null filter accepts
	 * everything, which makes a page cost O(page size) at any offset: the token is a
	 * position in {@code all}, not a count of accepted items.
	 */
	public static <T> Page<T> scan(List<T> all, Predicate<? super T> filter, String token, Integer maxResults,
			int defaultSize, int hardMax, Protocol protocol) {
		if (filter == null) {
			return page(all, token, maxResults, defaultSize, hardMax, protocol);
		}
		int size = maxResults == null ? defaultSize : maxResults;
		if (size < 1) {
			throw protocol.invalidInput("MaxResults must be at least 1");
		}
		size = Math.min(Math.min(size, hardMax), LIMIT.get());
		int position = token == null || token.isEmpty() ? 0 : decode(token, protocol::invalidInput);
		if (position > all.size()) {
			throw protocol.invalidInput("Invalid pagination token");
		}
		List<T> items = new ArrayList<>(size);
		for (; position < all.size() && items.size() < size; position++) {
			T item = all.get(position);
			if (filter.test(item)) {
				items.add(item);
			}
		}
		while (position < all.size() && !filter.test(all.get(position))) {
			position++;
		}
		return new Page<>(items, position < all.size() ? encode(position) : null);
	}

	/** Serves one request with a page size cap. */
	static <T> T withLimit(int limit, java.util.function.Supplier<T> request) {
		LIMIT.set(limit);
		try {
			return request.get();
		}
		finally {
			LIMIT.remove();
		}
	}

	static String encode(int offset) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@code size} within the page size cap of the request being served, for services
	 * that page with their own markers.
	 */
	public static int capped(int size) {
		return Math.min(size, LIMIT.get());
	}

	private static int decode(String token, Function<String, SimException> invalid) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (!text.startsWith(PREFIX)) {
				throw new IllegalArgumentException();
			}
			return Integer.parseInt(text.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException e) {
			throw invalid.apply("Invalid pagination token");
		}
	}

}

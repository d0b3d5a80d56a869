package dev.evident.simulator.service;

import dev.evident.simulator.server.SimResponse.Streamed;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's S3 objects, written by other services (Inspector's findings reports).
 * An object keeps how to generate its bytes, not the bytes: a report of a million
 * findings is rendered again, identically, on every read.
 */
public final class S3Objects {

	private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

	public void put(StoredObject object) {
		objects.put(object.bucket() + "/" + object.key(), object);
	}

	/** The object, or null. */
	public StoredObject get(String bucket, String key) {
		return objects.get(bucket + "/" + key);
	}

	/**
	 * One object: encrypted with a KMS key (as Inspector writes reports), its content
	 * generated on each read.
	 *
	 * @param size the length once known (after a first complete read), else -1
	 */
	public record StoredObject(String bucket, String key, String contentType, String kmsKeyArn, String etag,
			Instant lastModified, Streamed content, AtomicLong size) {

		public StoredObject(String bucket, String key, String contentType, String kmsKeyArn, String etag,
				Instant lastModified, Streamed content) {
			this(bucket, key, contentType, kmsKeyArn, etag, lastModified, content, new AtomicLong(-1));
		}

	}

}

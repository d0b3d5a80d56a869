package dev.evident.simulator.service;

import dev.evident.simulator.server.FaultHook;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.S3Protocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;
import dev.evident.simulator.server.SimResponse;
import dev.evident.simulator.service.S3Objects.StoredObject;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Amazon S3 (REST-XML, path-style addressing): GetObject, streamed with chunked transfer
 * encoding as the object is generated, and HeadObject. Objects carry the SSE-KMS headers
 * of the key they were written with. Every bucket exists unless the test fault
 * {@code missingBucket} says otherwise; any caller may read unless the test fault
 * {@code denyObjectReads} says otherwise.
 */
public final class S3Service implements Service {

	private final Protocol protocol = new S3Protocol();

	private final S3Objects objects;

	private final FaultHook faults;

	public S3Service(S3Objects objects, FaultHook faults) {
		this.objects = objects;
		this.faults = faults;
	}

	@Override
	public String name() {
		return "s3";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		S3Protocol.Location location = S3Protocol.location(call.request());
		if (faults.bucketMissing(location.bucket())) {
			throw new SimException("NoSuchBucket", 404, "The specified bucket does not exist");
		}
		StoredObject object = objects.get(location.bucket(), location.key());
		if (object == null) {
			throw new SimException("NoSuchKey", 404, "The specified key does not exist.");
		}
		if (faults.objectReadDenied(location.bucket())) {
			throw new SimException("AccessDenied", 403, "Access Denied");
		}
		if (call.operation().equals("HeadObject")) {
			return headers(SimResponse.of(200, object.contentType(), ""), object).withHeader("Content-Length",
					Long.toString(size(object)));
		}
		long cutOff = faults.objectReadCutOff();
		SimResponse response = headers(
				SimResponse.streamed(200, object.contentType(), out -> write(object, out, cutOff)), object);
		// a spooled object is at rest: its length is known, as S3 sends it
		return object.file() != null ? response.withHeader("Content-Length", Long.toString(object.size().get()))
				: response;
	}

	private static SimResponse headers(SimResponse response, StoredObject object) {
		return response.withHeader("ETag", object.etag())
			.withHeader("Last-Modified",
					DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atOffset(ZoneOffset.UTC)))
			.withHeader("Accept-Ranges", "bytes")
			.withHeader("x-amz-server-side-encryption", "aws:kms")
			.withHeader("x-amz-server-side-encryption-aws-kms-key-id", object.kmsKeyArn());
	}

	/** Writes the object; records its size after a complete write. */
	private static void write(StoredObject object, OutputStream out, long cutOff) throws IOException {
		Counting counted = new Counting(out, cutOff);
		object.content().writeTo(counted);
		counted.flush();
		object.size().set(counted.count);
	}

	/**
	 * The object's length: known after a first complete read, else counted by generating
	 * it once (as long as a read).
	 */
	private static long size(StoredObject object) {
		long known = object.size().get();
		if (known >= 0) {
			return known;
		}
		try {
			write(object, OutputStream.nullOutputStream(), -1);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return object.size().get();
	}

	/** Counts bytes; fails once past the cut-off, if any. */
	private static final class Counting extends FilterOutputStream {

		private final long cutOff;

		private long count;

		Counting(OutputStream out, long cutOff) {
			super(out);
			this.cutOff = cutOff;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (cutOff >= 0 && count + len > cutOff) {
				int allowed = (int) Math.max(0, cutOff - count);
				out.write(b, off, allowed);
				out.flush();
				throw new IOException("simulated cut-off of an object download after " + cutOff + " bytes");
			}
			out.write(b, off, len);
			count += len;
		}

	}

}

package io.ringside.adapters.ringcentral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body as UTF-8 text, up to a limit. A body that says it is larger
 * ({@code Content-Length}) is refused before a byte of it is read; one that turns out larger
 * stops being read at the limit: the connection is given up, so a runaway answer costs at most
 * the limit in memory, never an out-of-memory error.
 */
final class CappedBody implements HttpResponse.BodySubscriber<String> {

    /** The answer was larger than the limit; nothing of it is kept. */
    static final class TooLargeException extends IOException {
        private final ByteSize limit;

        TooLargeException(ByteSize limit) {
            super("The answer is larger than " + limit);
            this.limit = limit;
        }

        ByteSize limit() {
            return limit;
        }
    }

    private final long limit;
    private final ByteSize limitAsSize;
    private final OptionalLong declaredLength;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(ByteSize limit, OptionalLong declaredLength) {
        this.limit = limit.bytes();
        this.limitAsSize = limit;
        this.declaredLength = declaredLength;
    }

    /** A body handler for {@link java.net.http.HttpClient#sendAsync} that reads at most {@code limit}. */
    static HttpResponse.BodyHandler<String> upTo(ByteSize limit) {
        return info -> new CappedBody(limit, info.headers().firstValueAsLong("Content-Length"));
    }

    /** The {@link TooLargeException} somewhere in a failure's causes, or null. */
    static TooLargeException tooLargeIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (declaredLength.isPresent() && declaredLength.getAsLong() > limit) {
            tooLarge();
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if ((long) received.size() + buffer.remaining() > limit) {
                tooLarge();
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toString(StandardCharsets.UTF_8));
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    private void tooLarge() {
        subscription.cancel();
        received.reset();
        body.completeExceptionally(new TooLargeException(limitAsSize));
    }
}

package io.ringside.application.service;

/**
 * Whether anyone has the Recent callers list open: the RingCentral owner polls presence and the call log more
 * often while someone does. One instance alone asks its own {@link Watchers}; with several, see {@link ClusterAudience}.
 */
@FunctionalInterface
public interface Audience {

    boolean anyoneWatching();
}

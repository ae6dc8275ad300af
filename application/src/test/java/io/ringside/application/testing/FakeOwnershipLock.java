package io.ringside.application.testing;

import io.ringside.application.port.out.RingCentralOwnership;

/**
 * One lock for the RingCentral ownership, shared by any number of instances in a test, as PostgreSQL's advisory lock
 * is: each instance holds it through its own session; a session that ends (the instance died) frees it, and a
 * session can be made to fail (its database connection broke).
 */
public final class FakeOwnershipLock {

    private Session holder;

    public synchronized Session session() {
        return new Session();
    }

    public synchronized Session holder() {
        return holder;
    }

    public final class Session implements RingCentralOwnership {

        private volatile boolean broken;

        @Override
        public boolean tryAcquire() {
            synchronized (FakeOwnershipLock.this) {
                failIfBroken();
                if (holder == null) {
                    holder = this;
                }
                return holder == this;
            }
        }

        @Override
        public boolean holds() {
            synchronized (FakeOwnershipLock.this) {
                failIfBroken();
                return holder == this;
            }
        }

        @Override
        public void release() {
            synchronized (FakeOwnershipLock.this) {
                failIfBroken();
                if (holder == this) {
                    holder = null;
                }
            }
        }

        /** The instance died (kill -9): the database ends its session and the lock is free. */
        public void end() {
            synchronized (FakeOwnershipLock.this) {
                if (holder == this) {
                    holder = null;
                }
            }
        }

        /** The session's connection broke: every question fails, and the database let the lock go. */
        public void breakConnection() {
            broken = true;
            end();
        }

        public void repair() {
            broken = false;
        }

        private void failIfBroken() {
            if (broken) {
                throw new IllegalStateException("I/O error: connection reset");
            }
        }
    }
}

package app.wasmcloud.runtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The execution slots, shared fairly and without waste. A caller that finds a slot free and nobody waiting takes it
 * at once, so a lone function may use every slot. When callers wait, a freed slot goes to the next user in round
 * robin, and within that user to its next function in round robin, and within that function to its oldest waiter:
 * deficit round robin with a quantum of one admission, so a user with a thousand queued requests gets the same turns
 * as one with a single request. A caller waits at most until its deadline, then is refused.
 *
 * <p>Slots bound what runs at the normal priority, not what is in flight: a guest gives its slot back while it sleeps
 * and once it has run long enough to be demoted ({@link Watchdog}), so sleepers and loopers never hold back others.
 */
final class FairSlots {

    private final ReentrantLock lock = new ReentrantLock();
    private final int maxWaiting;
    /** Guarded by lock. */
    private int free;
    /** Guarded by lock. */
    private int waiting;
    /** Users with waiters, in turn order; guarded by lock. */
    private final ArrayDeque<UserQueue> users = new ArrayDeque<>();

    private final Map<Long, UserQueue> usersById = new HashMap<>();

    /**
     * @param slots how many may hold a slot at once
     * @param maxWaiting how many may wait at once, a memory bound; past it a caller is refused at once
     */
    FairSlots(int slots, int maxWaiting) {
        if (slots < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("slots must be >= 1 and maxWaiting >= 0");
        }
        this.free = slots;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Takes a slot for {@code tenant}, waiting until {@code deadlineNanos} ({@link System#nanoTime()} terms).
     *
     * @throws RejectedExecutionException when no slot came by the deadline, or too many wait already
     * @throws InterruptedException when interrupted while waiting; no slot is held then
     */
    void acquire(Tenant tenant, long deadlineNanos) throws InterruptedException {
        Waiter waiter;
        lock.lock();
        try {
            if (free > 0 && waiting == 0) {
                free--;
                return;
            }
            if (waiting >= maxWaiting) {
                throw new RejectedExecutionException("too many invocations wait for a slot");
            }
            waiter = new Waiter(Thread.currentThread(), tenant);
            enqueue(waiter);
        } finally {
            lock.unlock();
        }
        await(waiter, deadlineNanos);
    }

    /** Gives a slot back: to the next waiter in turn, or to the free ones. */
    void release() {
        Waiter next;
        lock.lock();
        try {
            next = dequeue();
            if (next == null) {
                free++;
                return;
            }
            next.granted = true;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(next.thread);
    }

    /** Grants every waiter a slot and every later caller too: for closing, when callers must find out at once. */
    void close() {
        lock.lock();
        try {
            free = Integer.MAX_VALUE / 2;
            Waiter next;
            while ((next = dequeue()) != null) {
                next.granted = true;
                LockSupport.unpark(next.thread);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many wait for a slot now; for gauges. */
    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    private void await(Waiter waiter, long deadlineNanos) throws InterruptedException {
        while (!waiter.granted) {
            long left = deadlineNanos - System.nanoTime();
            boolean interrupted = Thread.interrupted();
            if (left <= 0 || interrupted) {
                if (giveUp(waiter)) {
                    if (interrupted) {
                        throw new InterruptedException("interrupted while waiting for a slot");
                    }
                    throw new RejectedExecutionException("no slot within the queueing deadline");
                }
                // Granted meanwhile: the slot is ours after all.
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    /** Leaves the queue; false when a slot was granted first. */
    private boolean giveUp(Waiter waiter) {
        lock.lock();
        try {
            if (waiter.granted) {
                return false;
            }
            UserQueue user = usersById.get(waiter.tenant.user());
            FunctionQueue function = user.functionsById.get(waiter.tenant.function());
            function.waiters.remove(waiter);
            waiting--;
            if (function.waiters.isEmpty()) {
                user.functions.remove(function);
                user.functionsById.remove(waiter.tenant.function());
                if (user.functions.isEmpty()) {
                    users.remove(user);
                    usersById.remove(waiter.tenant.user());
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Waiter waiter) {
        waiting++;
        UserQueue user = usersById.get(waiter.tenant.user());
        if (user == null) {
            user = new UserQueue();
            usersById.put(waiter.tenant.user(), user);
            users.addLast(user);
        }
        FunctionQueue function = user.functionsById.get(waiter.tenant.function());
        if (function == null) {
            function = new FunctionQueue();
            user.functionsById.put(waiter.tenant.function(), function);
            user.functions.addLast(function);
        }
        function.waiters.addLast(waiter);
    }

    /** The next waiter in turn, taken off the queues; null when nobody waits. */
    private Waiter dequeue() {
        UserQueue user = users.pollFirst();
        if (user == null) {
            return null;
        }
        FunctionQueue function = user.functions.pollFirst();
        Waiter next = function.waiters.pollFirst();
        waiting--;
        if (function.waiters.isEmpty()) {
            user.functionsById.remove(next.tenant.function());
        } else {
            user.functions.addLast(function);
        }
        if (user.functions.isEmpty()) {
            usersById.remove(next.tenant.user());
        } else {
            users.addLast(user);
        }
        return next;
    }

    private static final class Waiter {
        final Thread thread;
        final Tenant tenant;
        volatile boolean granted;

        Waiter(Thread thread, Tenant tenant) {
            this.thread = thread;
            this.tenant = tenant;
        }
    }

    private static final class UserQueue {
        final ArrayDeque<FunctionQueue> functions = new ArrayDeque<>();
        final Map<Long, FunctionQueue> functionsById = new HashMap<>();
    }

    private static final class FunctionQueue {
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    }
}

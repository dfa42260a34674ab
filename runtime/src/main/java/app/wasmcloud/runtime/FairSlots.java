package app.wasmcloud.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
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
 * What bounds the long runs is a count per user: a user with {@code longRunsPerUser} runs long and awake gets no new
 * admission of a function that ran long lately until one of them ends or sleeps, and a long run waking from a sleep
 * waits for that count to drop too. The user's other functions still go in turn: a looping function must not stop
 * its owner's short ones, and a function's next invocation is likely as long as its last (a function is held back
 * from its first long run until one of its invocations ends short). Without
 * it a tenant could keep sixty demoted loopers runnable on two cores; the JVM's safepoints (every garbage collection)
 * then took 50–90 ms instead of a few, because a thread at the idle policy runs only when the CPUs are otherwise free,
 * and everyone's latency paid for it. The bound is soft by the few admissions that turn long together; a user at it still has every CPU that the short runs leave.
 */
final class FairSlots {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a user's long runs drop, for long runs waking from a sleep; with lock. */
    private final Condition longRunEnded = lock.newCondition();

    private final int maxWaiting;
    private final int longRunsPerUser;
    /** Guarded by lock. Invariant: while a slot is free, no user in turn has a waiter. */
    private int free;
    /** Guarded by lock. */
    private int waiting;
    /** Guarded by lock. */
    private int longRuns;
    /** Users with waiters and below their long-run bound, in turn order (lazily: see {@link #dequeue}); with lock. */
    private final ArrayDeque<UserState> turns = new ArrayDeque<>();
    /** Users with waiters or long runs; guarded by lock. */
    private final Map<Long, UserState> usersById = new HashMap<>();

    /**
     * Slots without a bound on long runs.
     *
     * @param slots how many may hold a slot at once
     * @param maxWaiting how many may wait at once, a memory bound; past it a caller is refused at once
     */
    FairSlots(int slots, int maxWaiting) {
        this(slots, maxWaiting, Integer.MAX_VALUE);
    }

    /**
     * @param longRunsPerUser how many of one user's runs may be long and awake before its next admission waits
     */
    FairSlots(int slots, int maxWaiting, int longRunsPerUser) {
        if (slots < 1 || maxWaiting < 0 || longRunsPerUser < 1) {
            throw new IllegalArgumentException("slots and longRunsPerUser must be >= 1 and maxWaiting >= 0");
        }
        this.free = slots;
        this.maxWaiting = maxWaiting;
        this.longRunsPerUser = longRunsPerUser;
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
            if (free > 0 && turns.isEmpty() && !heldBack(usersById.get(tenant.user()), tenant.function())) {
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

    /**
     * Gives back the slot of a run of {@code tenant}'s that ended without running long: its function is no longer
     * held back at its user's long-run bound.
     */
    void releaseAfterShortRun(Tenant tenant) {
        Waiter next;
        lock.lock();
        try {
            UserState user = usersById.get(tenant.user());
            if (user != null && user.longFunctions.remove(tenant.function()) && !user.inTurn && user.mayGo()) {
                user.inTurn = true;
                turns.addLast(user);
            }
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

    /** One of {@code tenant}'s runs became long while awake (or woke from a sleep as one): it counts to the bound. */
    void longRunStarted(Tenant tenant) {
        lock.lock();
        try {
            UserState user = userState(tenant.user());
            user.longRuns++;
            user.longFunctions.add(tenant.function());
            longRuns++;
        } finally {
            lock.unlock();
        }
    }

    /** One of {@code tenant}'s long runs ended or went to sleep: its user may be admitted again. */
    void longRunEnded(Tenant tenant) {
        List<Waiter> granted;
        lock.lock();
        try {
            UserState user = usersById.get(tenant.user());
            user.longRuns--;
            longRuns--;
            longRunEnded.signalAll();
            if (user.isIdle()) {
                usersById.remove(tenant.user());
                return;
            }
            if (!user.inTurn && user.mayGo()) {
                user.inTurn = true;
                turns.addLast(user);
            }
            granted = grantFreeSlots();
        } finally {
            lock.unlock();
        }
        for (Waiter waiter : granted) {
            LockSupport.unpark(waiter.thread);
        }
    }

    /**
     * For a long run of {@code tenant}'s waking from a sleep: waits until its user is below the bound, then counts it
     * again. No deadline of its own: the invocation's timeout interrupts the wait.
     */
    void awaitLongRunTurn(Tenant tenant) throws InterruptedException {
        lock.lock();
        try {
            UserState user = userState(tenant.user());
            while (atBound(user)) {
                longRunEnded.await();
            }
            user.longRuns++;
            longRuns++;
        } finally {
            lock.unlock();
        }
    }

    /** Grants every waiter a slot and every later caller too: for closing, when callers must find out at once. */
    void close() {
        lock.lock();
        try {
            free = Integer.MAX_VALUE / 2;
            for (UserState user : usersById.values()) {
                if (!user.inTurn && !user.functions.isEmpty()) {
                    user.inTurn = true;
                    turns.addLast(user);
                }
            }
            Waiter next;
            while ((next = dequeueIgnoringBounds()) != null) {
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

    /** How many runs are long and awake now, all users together; for gauges. */
    int longRuns() {
        lock.lock();
        try {
            return longRuns;
        } finally {
            lock.unlock();
        }
    }

    private boolean atBound(UserState user) {
        return user != null && user.longRuns >= longRunsPerUser;
    }

    /** Whether an invocation of {@code function} must wait for one of its user's long runs to end or sleep. */
    private boolean heldBack(UserState user, long function) {
        return atBound(user) && user.longFunctions.contains(function);
    }

    private UserState userState(long id) {
        return usersById.computeIfAbsent(id, unused -> new UserState());
    }

    /** Hands free slots to waiters in turn, restoring the invariant; the caller unparks them after unlocking. */
    private List<Waiter> grantFreeSlots() {
        if (free == 0) {
            return List.of();
        }
        List<Waiter> granted = new ArrayList<>(1);
        Waiter next;
        while (free > 0 && (next = dequeue()) != null) {
            free--;
            next.granted = true;
            granted.add(next);
        }
        return granted;
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
            UserState user = usersById.get(waiter.tenant.user());
            FunctionQueue function = user.functionsById.get(waiter.tenant.function());
            function.waiters.remove(waiter);
            waiting--;
            if (function.waiters.isEmpty()) {
                user.functions.remove(function);
                user.functionsById.remove(waiter.tenant.function());
                if (user.functions.isEmpty()) {
                    if (user.inTurn) {
                        turns.remove(user);
                        user.inTurn = false;
                    }
                    if (user.isIdle()) {
                        usersById.remove(waiter.tenant.user());
                    }
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Waiter waiter) {
        waiting++;
        UserState user = userState(waiter.tenant.user());
        FunctionQueue function = user.functionsById.get(waiter.tenant.function());
        if (function == null) {
            function = new FunctionQueue(waiter.tenant.function());
            user.functionsById.put(waiter.tenant.function(), function);
            user.functions.addLast(function);
        }
        function.waiters.addLast(waiter);
        if (!user.inTurn && !heldBack(user, waiter.tenant.function())) {
            user.inTurn = true;
            turns.addLast(user);
        }
    }

    /**
     * The next waiter in turn, taken off the queues; null when nobody may take a slot. A user that reached its bound
     * while in turn, with only held-back functions waiting, is dropped from the turns here, and put back when one of
     * its long runs ends or one of those functions runs short.
     */
    private Waiter dequeue() {
        UserState user;
        while ((user = turns.pollFirst()) != null) {
            FunctionQueue function = nextFunction(user, false);
            if (function != null) {
                return takeFrom(user, function);
            }
            user.inTurn = false;
        }
        return null;
    }

    private Waiter dequeueIgnoringBounds() {
        UserState user = turns.pollFirst();
        return user == null ? null : takeFrom(user, nextFunction(user, true));
    }

    /** {@code user}'s next function in turn that may go, rotating past held-back ones; null when none may. */
    private FunctionQueue nextFunction(UserState user, boolean ignoringBounds) {
        for (int looked = 0; looked < user.functions.size(); looked++) {
            FunctionQueue function = user.functions.pollFirst();
            if (ignoringBounds || !heldBack(user, function.id)) {
                return function;
            }
            user.functions.addLast(function);
        }
        return null;
    }

    /**
     * Takes the next waiter of {@code function}, just taken off {@code user}'s rotation, as {@code user} was off the
     * turns; both go back if they have more.
     */
    private Waiter takeFrom(UserState user, FunctionQueue function) {
        Waiter next = function.waiters.pollFirst();
        waiting--;
        if (function.waiters.isEmpty()) {
            user.functionsById.remove(next.tenant.function());
        } else {
            user.functions.addLast(function);
        }
        if (user.functions.isEmpty()) {
            user.inTurn = false;
            if (user.isIdle()) {
                usersById.remove(next.tenant.user());
            }
        } else {
            turns.addLast(user);
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

    private final class UserState {
        final ArrayDeque<FunctionQueue> functions = new ArrayDeque<>();
        final Map<Long, FunctionQueue> functionsById = new HashMap<>();
        /** Functions whose latest run turned long: held back while this user is at its bound. */
        final Set<Long> longFunctions = new HashSet<>();
        /** Runs that are long and awake. */
        int longRuns;
        /** Whether this user is in the turns. */
        boolean inTurn;

        boolean isIdle() {
            return functions.isEmpty() && longRuns == 0;
        }

        /** Whether one of this user's waiting functions may take a slot. */
        boolean mayGo() {
            if (!atBound(this)) {
                return !functions.isEmpty();
            }
            for (FunctionQueue function : functions) {
                if (!longFunctions.contains(function.id)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class FunctionQueue {
        final long id;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        FunctionQueue(long id) {
            this.id = id;
        }
    }
}

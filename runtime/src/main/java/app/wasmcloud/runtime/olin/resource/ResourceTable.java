package app.wasmcloud.runtime.olin.resource;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The resources one invocation has open. Ids are never reused within an invocation, and they start at a random
 * offset because guests must not assume stdin/stdout/stderr are 0/1/2 (the reference runtimes hand out random ids).
 */
public final class ResourceTable {

    private final Map<Integer, OlinResource> open = new HashMap<>();
    private final int maxOpen;
    private int nextId;

    public ResourceTable(int maxOpen) {
        this(maxOpen, randomFirstId());
    }

    /** @param firstId the first id handed out: a replay gives the one its recording holds */
    public ResourceTable(int maxOpen, int firstId) {
        this.maxOpen = maxOpen;
        this.nextId = firstId;
    }

    public static int randomFirstId() {
        return ThreadLocalRandom.current().nextInt(3, 1 << 16);
    }

    /** Returns the new id, or -1 when the open-resource cap is reached or ids are exhausted. */
    public int add(OlinResource resource) {
        if (open.size() >= maxOpen || nextId == Integer.MAX_VALUE) {
            resource.close();
            return -1;
        }
        int id = nextId++;
        open.put(id, resource);
        return id;
    }

    /** The resource with this id, or null. */
    public OlinResource get(int id) {
        return open.get(id);
    }

    /** Removes and returns the resource with this id, or null. */
    public OlinResource remove(int id) {
        return open.remove(id);
    }

    /** Closes whatever the guest left open. */
    public void closeAll() {
        open.values().forEach(OlinResource::close);
        open.clear();
    }
}

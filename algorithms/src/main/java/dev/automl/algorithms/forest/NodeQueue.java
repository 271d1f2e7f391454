package dev.automl.algorithms.forest;

import java.util.Arrays;

/**
 * The nodes of one tree waiting to be grown, first in first out, each with the features known to be constant in its
 * parent (and so in it).
 *
 * <p>Both children of a split share one copy of the parent's constant features. Copies are taken in the order the
 * nodes are, so the copy of a node popped and of every node before it can be forgotten: the queue and the copies
 * each live in one array whose used part slides forward and is moved back to the front when it reaches the end.
 */
final class NodeQueue {

    private int[] start = new int[64];
    private int[] end = new int[64];
    private int[] depth = new int[64];
    private int[] parent = new int[64];
    private int[] constantsAt = new int[64];
    private int[] constantsCount = new int[64];
    private int head;
    private int tail;

    private int[] constants = new int[256];
    private int constantsHead;
    private int constantsTail;

    /** The node last popped, which children pushed since may have moved in the arrays above. */
    private int currentStart;
    private int currentEnd;
    private int currentDepth;
    private int currentParent;
    private int currentConstantsAt;
    private int currentConstantsCount;

    boolean isEmpty() {
        return head == tail;
    }

    /**
     * Stores the first {@code count} of {@code features} as the constant features of the next children pushed, and
     * returns where they are for {@link #push}.
     */
    int constants(int[] features, int count) {
        if (constantsTail + count > constants.length) {
            int live = constantsTail - constantsHead;
            if (live + count > constants.length / 2) {
                constants = Arrays.copyOf(constants, Math.max(2 * constants.length, 2 * (live + count)));
            }
            System.arraycopy(constants, constantsHead, constants, 0, live);
            for (int i = head; i < tail; i++) {
                constantsAt[i] -= constantsHead;
            }
            currentConstantsAt -= constantsHead;
            constantsTail = live;
            constantsHead = 0;
        }
        System.arraycopy(features, 0, constants, constantsTail, count);
        int at = constantsTail;
        constantsTail += count;
        return at;
    }

    /**
     * Adds a node of the rows {@code [start, end)}.
     *
     * @param parent      the parent's split reference, shifted left by one, plus 1 for a right child
     * @param constantsAt what {@link #constants} returned for the parent's constant features
     */
    void push(int start, int end, int depth, int parent, int constantsAt, int constantsCount) {
        if (tail == this.start.length) {
            int live = tail - head;
            int n = live + 1 > this.start.length / 2 ? 2 * this.start.length : this.start.length;
            this.start = slide(this.start, n);
            this.end = slide(this.end, n);
            this.depth = slide(this.depth, n);
            this.parent = slide(this.parent, n);
            this.constantsAt = slide(this.constantsAt, n);
            this.constantsCount = slide(this.constantsCount, n);
            tail = live;
            head = 0;
        }
        this.start[tail] = start;
        this.end[tail] = end;
        this.depth[tail] = depth;
        this.parent[tail] = parent;
        this.constantsAt[tail] = constantsAt;
        this.constantsCount[tail] = constantsCount;
        tail++;
    }

    private int[] slide(int[] a, int length) {
        int[] out = length == a.length ? a : new int[length];
        System.arraycopy(a, head, out, 0, tail - head);
        return out;
    }

    /** Takes the oldest node; its fields are read through the accessors below until the next pop. */
    void pop() {
        currentStart = start[head];
        currentEnd = end[head];
        currentDepth = depth[head];
        currentParent = parent[head];
        currentConstantsAt = constantsAt[head];
        currentConstantsCount = constantsCount[head];
        head++;
        // Every node before this one has been grown, so only this node's copy and later ones are still needed.
        constantsHead = currentConstantsAt;
    }

    int start() {
        return currentStart;
    }

    int end() {
        return currentEnd;
    }

    int depth() {
        return currentDepth;
    }

    int parent() {
        return currentParent;
    }

    int constantsCount() {
        return currentConstantsCount;
    }

    /** The {@code i}-th constant feature of the node last popped. */
    int constant(int i) {
        return constants[currentConstantsAt + i];
    }
}

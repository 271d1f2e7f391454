package dev.automl.algorithms;

import java.time.Duration;

/** A point in time by which work must stop; long loops ask it whether they may go on. */
public final class Deadline {

    private static final Deadline NEVER = new Deadline(Long.MAX_VALUE);

    private final long nanoTime;

    private Deadline(long nanoTime) {
        this.nanoTime = nanoTime;
    }

    public static Deadline never() {
        return NEVER;
    }

    public static Deadline after(Duration d) {
        long now = System.nanoTime();
        long n = d.toNanos();
        // Saturate instead of overflowing for the six-day defaults and beyond.
        return new Deadline(n >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + n);
    }

    /** The deadline at a value of {@link System#nanoTime()}. */
    public static Deadline atNanoTime(long nanoTime) {
        return new Deadline(nanoTime == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : nanoTime);
    }

    public static Deadline afterSeconds(double seconds) {
        return after(Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0)));
    }

    public boolean isNever() {
        return nanoTime == Long.MAX_VALUE;
    }

    public boolean expired() {
        return !isNever() && System.nanoTime() - nanoTime >= 0;
    }

    /** Seconds left, never negative; {@link Double#POSITIVE_INFINITY} for {@link #never()}. */
    public double remainingSeconds() {
        if (isNever()) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, (nanoTime - System.nanoTime()) / 1e9);
    }

    /** Whichever of the two comes first. */
    public Deadline min(Deadline other) {
        if (isNever()) {
            return other;
        }
        if (other.isNever()) {
            return this;
        }
        return nanoTime - other.nanoTime <= 0 ? this : other;
    }

    /** A deadline the given number of seconds before this one (or {@link #never()}). */
    public Deadline minusSeconds(double seconds) {
        if (isNever()) {
            return this;
        }
        return new Deadline(nanoTime - (long) (seconds * 1e9));
    }

    @Override
    public String toString() {
        return isNever() ? "Deadline(never)" : String.format("Deadline(in %.1fs)", (nanoTime - System.nanoTime()) / 1e9);
    }
}

package dev.switchboard.engine.contacts;

import java.nio.charset.StandardCharsets;

/**
 * A fixed-size Bloom filter of the external keys an import has written: "no" is certain, "yes" may be wrong (then
 * the store is asked). Lets the import of a fresh list skip the per-batch key lookups while memory stays at 4 MB
 * whatever the file's size; a larger file only means more false "yes" answers.
 */
final class KeyFilter {
    private static final int BITS_LOG2 = 25;
    private static final long MASK = (1L << BITS_LOG2) - 1;
    private final long[] bits = new long[1 << (BITS_LOG2 - 6)];

    void add(String key) {
        long h = hash(key);
        for (int i = 0; i < 3; i++) {
            long bit = (h >>> (i * 21)) & MASK;
            bits[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    boolean mightContain(String key) {
        long h = hash(key);
        for (int i = 0; i < 3; i++) {
            long bit = (h >>> (i * 21)) & MASK;
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a, then a murmur finalizer so every 21-bit slice is well mixed. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}

package io.chanmarket.core.ads.serving;

import java.util.List;

/** The best few positions by value, best first; among equals the first offered stays ahead. */
final class Top {

    /** The positions of the slots of each advertiser of the snapshot's table (fixed for a snapshot). */
    static int[][] byAdvertiser(List<Slot> slots) {
        int advertisers = 0;
        for (Slot slot : slots) {
            advertisers = Math.max(advertisers, slot.advertiser + 1);
        }
        int[] count = new int[advertisers];
        for (Slot slot : slots) {
            if (slot.advertiser >= 0) {
                count[slot.advertiser]++;
            }
        }
        int[][] positions = new int[advertisers][];
        for (int a = 0; a < advertisers; a++) {
            positions[a] = new int[count[a]];
            count[a] = 0;
        }
        for (int i = 0; i < slots.size(); i++) {
            int a = slots.get(i).advertiser;
            if (a >= 0) {
                positions[a][count[a]++] = i;
            }
        }
        return positions;
    }

    private final int[] positions;
    private final double[] values;
    private int size;

    Top(int capacity) {
        positions = new int[capacity];
        values = new double[capacity];
    }

    void offer(int position, double value) {
        int capacity = positions.length;
        if (capacity == 0 || size == capacity && value <= values[size - 1]) {
            return;
        }
        int at = size < capacity ? size++ : size - 1;
        while (at > 0 && values[at - 1] < value) {
            positions[at] = positions[at - 1];
            values[at] = values[at - 1];
            at--;
        }
        positions[at] = position;
        values[at] = value;
    }

    boolean full() {
        return size == positions.length;
    }

    double lowest() {
        return values[size - 1];
    }

    int size() {
        return size;
    }

    int position(int j) {
        return positions[j];
    }
}

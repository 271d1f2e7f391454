package dev.automl.algorithms.linear;

import dev.automl.featurization.Target;
import java.util.Arrays;

/** The classes present in a training set, and each row's class as an index among them, as Smile wants labels. */
record ClassIndex(int[] present, int[] y) {

    static ClassIndex of(Target target) {
        int k = target.numClasses();
        boolean[] seen = new boolean[k];
        int[] classes = target.classes();
        for (int c : classes) {
            seen[c] = true;
        }
        int[] position = new int[k];
        int m = 0;
        for (int c = 0; c < k; c++) {
            position[c] = seen[c] ? m++ : -1;
        }
        int[] present = new int[m];
        for (int c = 0; c < k; c++) {
            if (seen[c]) {
                present[position[c]] = c;
            }
        }
        int[] y = Arrays.stream(classes).map(c -> position[c]).toArray();
        return new ClassIndex(present, y);
    }
}

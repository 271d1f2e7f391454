package dev.automl.engine.trial;

import dev.automl.algorithms.Params;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Combines what each fold's model found (such as its best number of boosting rounds) into one refit setting. */
final class RefitParams {

    private RefitParams() {
    }

    /** Keys equal across folds are kept; numbers that differ are averaged (rounded when all are whole). */
    static Params combine(List<Params> perFold) {
        if (perFold.size() == 1) {
            return perFold.get(0);
        }
        TreeMap<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : perFold.get(0).values().entrySet()) {
            String key = e.getKey();
            boolean allLong = true;
            boolean allNumber = true;
            boolean allEqual = true;
            double sum = 0;
            for (Params p : perFold) {
                Object v = p.values().get(key);
                allEqual &= e.getValue().equals(v);
                allNumber &= v instanceof Number;
                allLong &= v instanceof Long;
                if (v instanceof Number n) {
                    sum += n.doubleValue();
                }
            }
            if (allEqual || !allNumber) {
                out.put(key, e.getValue());
            } else if (allLong) {
                out.put(key, Math.round(sum / perFold.size()));
            } else {
                out.put(key, sum / perFold.size());
            }
        }
        return new Params(out);
    }
}

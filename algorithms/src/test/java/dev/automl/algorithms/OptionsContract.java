package dev.automl.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.data.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks a learner's options record against the learner's own portfolio and search space: every configuration they
 * produce is read without error, written back with its values (and value types) as given, and reads back equal.
 */
public final class OptionsContract {

    /** Data of blood_transfusion's size, which is what the spaces' ranges depend on. */
    public static final DataShape SHAPE = new DataShape(561, 4, 2, 0);

    private OptionsContract() {
    }

    /**
     * @param of       the record's {@code of} for the task
     * @param toParams the record's {@code toParams}
     */
    public static <O> void check(Learner learner, Task task, Function<Params, O> of, Function<O, Params> toParams) {
        List<Params> configs = new ArrayList<>(learner.portfolio(task, SHAPE));
        configs.add(Params.empty());
        Random rng = new Random(11);
        for (int i = 0; i < 20; i++) {
            configs.add(learner.space(task, SHAPE).sample(rng));
        }
        for (Params given : configs) {
            O options = of.apply(given);
            Params written = toParams.apply(options);
            for (Map.Entry<String, Object> e : given.values().entrySet()) {
                assertEquals(e.getValue(), written.values().get(e.getKey()),
                        learner.name() + " " + task + " " + given + " wrote " + written);
            }
            assertEquals(options, of.apply(written), learner.name() + " " + task + " " + given);
        }
    }
}

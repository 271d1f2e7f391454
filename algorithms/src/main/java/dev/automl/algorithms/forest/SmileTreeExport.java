package dev.automl.algorithms.forest;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.LeafNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;

/**
 * Copies Smile decision and regression trees into {@link TreeEnsemble.Tree} arrays, with each leaf's cover: Smile's
 * {@code size()}, the training rows that reached it, bootstrap duplicates counted.
 */
final class SmileTreeExport {

    // Smile 3.1.1 keeps an ordinal split's threshold in a package-private field with no getter.
    private static final Field ORDINAL_VALUE;

    static {
        try {
            ORDINAL_VALUE = OrdinalNode.class.getDeclaredField("value");
            ORDINAL_VALUE.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("this Smile version has no OrdinalNode.value: " + e);
        }
    }

    private SmileTreeExport() {
    }

    /**
     * A classification tree whose leaves hold Smile's posteriori {@code (count + 1) / (n + k)}, moved from Smile's
     * class order to the project's class indices; classes absent from the training data get 0.
     *
     * @param classes the project class index of each of Smile's classes
     */
    static TreeEnsemble.Tree classification(Node root, int[] classes, int numClasses) {
        return export(root, numClasses, leaf -> {
            int[] count = ((DecisionNode) leaf).count();
            int k = count.length;
            long total = 0;
            for (int c : count) {
                total += c;
            }
            // The same arithmetic as DecisionNode.posteriori, so leaf values match Smile's bit for bit.
            double denom = (double) (total + k);
            double[] v = new double[numClasses];
            for (int i = 0; i < k; i++) {
                v[classes[i]] = (count[i] + 1) / denom;
            }
            return v;
        });
    }

    static TreeEnsemble.Tree regression(Node root) {
        return export(root, 1, leaf -> new double[] {((RegressionNode) leaf).output()});
    }

    private record Pending(InternalNode node, int split) {
    }

    private static TreeEnsemble.Tree export(Node root, int width, Function<LeafNode, double[]> leafValue) {
        TreeArrays out = new TreeArrays(width);
        if (root instanceof LeafNode leaf) {
            out.leaf(leafValue.apply(leaf), leaf.size());
            return out.build();
        }
        // Depth-first with an explicit stack: trees limited by leaf count rather than depth can be very deep.
        Deque<Pending> stack = new ArrayDeque<>();
        InternalNode r = (InternalNode) root;
        stack.push(new Pending(r, out.split(r.feature(), threshold(r))));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            int left = add(p.node().trueChild(), out, stack, leafValue);
            int right = add(p.node().falseChild(), out, stack, leafValue);
            out.children(p.split(), left, right);
        }
        return out.build();
    }

    private static int add(Node node, TreeArrays out, Deque<Pending> stack, Function<LeafNode, double[]> leafValue) {
        if (node instanceof LeafNode leaf) {
            return out.leaf(leafValue.apply(leaf), leaf.size());
        }
        InternalNode in = (InternalNode) node;
        int ref = out.split(in.feature(), threshold(in));
        stack.push(new Pending(in, ref));
        return ref;
    }

    private static double threshold(InternalNode node) {
        if (!(node instanceof OrdinalNode)) {
            // Every column is handed to Smile as a double column, so nominal splits cannot occur.
            throw new IllegalStateException("unexpected " + node.getClass().getSimpleName() + " in a Smile tree");
        }
        try {
            return ORDINAL_VALUE.getDouble(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a Smile split threshold", e);
        }
    }
}

package dev.automl.algorithms.forest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;

/** Copies Tribuo classification trees into {@link TreeEnsemble.Tree} arrays. */
final class TribuoTreeExport {

    private TribuoTreeExport() {
    }

    private record Pending(SplitNode<Label> node, int split) {
    }

    /**
     * A tree whose leaves hold Tribuo's leaf distribution (normalised weighted class counts) at the project's
     * class indices.
     *
     * @param columnOfFeatureId the matrix column of each Tribuo feature id
     */
    static TreeEnsemble.Tree classification(TreeModel<Label> model, int[] columnOfFeatureId, int numClasses) {
        TreeArrays out = new TreeArrays(numClasses);
        Node<Label> root = model.getRoot();
        if (root.isLeaf()) {
            out.leaf(distribution((LeafNode<Label>) root, numClasses));
            return out.build();
        }
        Deque<Pending> stack = new ArrayDeque<>();
        SplitNode<Label> r = (SplitNode<Label>) root;
        stack.push(new Pending(r, out.split(columnOfFeatureId[r.getFeatureID()], r.splitValue())));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            // Tribuo sends a row to greaterThan when value > split, so lessThanOrEqual is the left child.
            int left = add(p.node().getLessThanOrEqual(), out, stack, columnOfFeatureId, numClasses);
            int right = add(p.node().getGreaterThan(), out, stack, columnOfFeatureId, numClasses);
            out.children(p.split(), left, right);
        }
        return out.build();
    }

    private static int add(Node<Label> node, TreeArrays out, Deque<Pending> stack, int[] columnOfFeatureId,
                           int numClasses) {
        if (node.isLeaf()) {
            return out.leaf(distribution((LeafNode<Label>) node, numClasses));
        }
        SplitNode<Label> s = (SplitNode<Label>) node;
        int ref = out.split(columnOfFeatureId[s.getFeatureID()], s.splitValue());
        stack.push(new Pending(s, ref));
        return ref;
    }

    private static double[] distribution(LeafNode<Label> leaf, int numClasses) {
        double[] v = new double[numClasses];
        for (Map.Entry<String, Label> e : leaf.getDistribution().entrySet()) {
            v[Integer.parseInt(e.getKey())] = e.getValue().getScore();
        }
        return v;
    }
}

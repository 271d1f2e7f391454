package dev.automl.data;

/** What the reader's date and time layouts make of a column's text, for errors about a column that should be times. */
public final class DateTimes {

    private DateTimes() {
    }

    /** The first row whose value no layout reads, or -1 when every value is read by some layout (or missing). */
    public static int firstUnreadable(Column c) {
        for (int r = 0; r < c.size(); r++) {
            if (c.isMissing(r)) {
                continue;
            }
            if (!DateTimeLayout.readsAny(c.text(r))) {
                return r;
            }
        }
        return -1;
    }

    /** The layouts the reader tries, as users write them. */
    public static String layouts() {
        return DateTimeLayout.allDisplayed();
    }
}

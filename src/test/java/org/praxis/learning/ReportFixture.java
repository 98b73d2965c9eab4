package org.praxis.learning;

import org.praxis.support.TestData;

/** Lets the page's tests (another package) set the same scene as the service's tests. */
public final class ReportFixture {

    /** The title of the private commitment in the scene, which no report shows. */
    public static final String PRIVATE_TITLE = LearningServiceTest.PRIVATE_TITLE;

    private ReportFixture() {
    }

    /** The scene of {@link LearningServiceTest#build}: figures in January–June 2025 and three passages. */
    public static void build(TestData data, long cohort, TestData.Person member) {
        LearningServiceTest.build(new ReportScene(data, cohort), member);
    }
}

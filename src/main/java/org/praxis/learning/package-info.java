/**
 * What the network learns: a cohort's report over a period, for its facilitators and the
 * network's admins. Each feature gives its own figures through its public service (sessions,
 * analyses, commitments, obstacles, worksheets); features this one must not depend on give theirs
 * through {@link org.praxis.learning.NetworkPassages} and {@link org.praxis.learning.NetworkCounts}.
 * Every count below three reads "fewer than 3" ({@link org.praxis.learning.Count}), and so does any
 * total that would give one away; nothing is kept between two reads, so a passage whose author
 * withdrew consent leaves the report at once. It owns no table.
 */
package org.praxis.learning;

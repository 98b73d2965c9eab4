/**
 * Praxis, a platform for communities of practice. Each sub-package is a feature (organisations,
 * members, cohorts, ...) with a public service and its records, package-private queries, and a
 * {@code ui} sub-package for its views; {@code base} holds what every feature shares: the
 * database connection, security, message bundle and the application shell.
 */
package org.praxis;

/**
 * The connection to PostgreSQL: a configured server when {@code PRAXIS_DB_URL} is set, otherwise
 * a real PostgreSQL started in-process whose data directory survives restarts.
 */
package org.praxis.base.db;

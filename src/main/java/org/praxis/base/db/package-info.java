/**
 * The connection to PostgreSQL: a configured server when {@code PRAXIS_DB_URL} is set, otherwise
 * a real PostgreSQL started in-process whose data directory survives restarts; and the last check
 * that keeps characters PostgreSQL cannot store out of every statement and jsonb document.
 */
package org.praxis.base.db;

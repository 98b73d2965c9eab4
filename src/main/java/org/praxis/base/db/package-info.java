/**
 * The connection to PostgreSQL: a configured server when {@code PRAXIS_DB_URL} is set, otherwise
 * a real PostgreSQL that Praxis runs itself on a data folder that survives restarts — durable,
 * started again when its process dies, and never left running by a Praxis that was killed.
 * {@link org.praxis.base.db.DatabaseStatus} says whether the database is there right now and
 * {@link org.praxis.base.db.DatabaseFailures} tells a database that cannot be reached from other
 * errors; {@link org.praxis.base.db.DatabaseCommand} backs the database up to one file and
 * restores it; and
 * {@link org.praxis.base.db.StorableText} keeps characters PostgreSQL cannot store out of every
 * statement and jsonb document.
 */
package org.praxis.base.db;

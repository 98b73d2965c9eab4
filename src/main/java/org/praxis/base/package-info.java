/**
 * What every feature shares and that depends on no feature: the database, security and the
 * signed-in user, the message bundle, input errors, and the application shell.
 */
package org.praxis.base;

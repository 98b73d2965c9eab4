/** The sessions list, a session's page with its prompts, and their forms. */
package org.praxis.session.ui;
